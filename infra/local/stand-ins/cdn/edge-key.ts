import type { IncomingHttpHeaders } from 'node:http';
import { cacheRuleFor } from './cached-paths.ts';

/** A request the edge may answer from its copy: its cache key, and the request the origin gets on a miss. */
export type EdgeRequest = {
  key: string;
  /** The path alone, as an invalidation names it. */
  path: string;
  /** The path and the forwarded query, the headers in the key and the forwarded ones: what CloudFront sends. */
  origin: { pathAndQuery: string; headers: Record<string, string> };
  /** The request headers the key holds (lower case): an answer that varies on any other is not kept. */
  keyed: readonly string[];
};

/**
 * Sent on to the origin but not in the key, as the cached behaviors' origin request policy sends them
 * (infra/constructs/cdn.ts, `FORWARDED_HEADERS`; a test keeps the two equal): the app chooses a wrong
 * address's error page or problem, and the page's words, by them. Such an answer says so in Vary, and the edge
 * keeps no answer whose Vary names a header outside the key (edge-ttl.ts).
 */
export const STAND_IN_FORWARDED_HEADERS = ['Accept', 'Accept-Language'] as const;

/**
 * Accept-Encoding as CloudFront normalises it with gzip and brotli on in the cache policy: the codings among br
 * and gzip the viewer takes (a weight above zero, RFC 9110 §12.5.3), `br,gzip` for both; none: identity.
 */
const normalisedEncoding = (header: string | undefined): string | undefined => {
  const codings = new Set(
    (header ?? '').split(',').flatMap((part) => {
      const [coding = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      return q === undefined || Number(q.slice(2)) > 0 ? [coding] : [];
    }),
  );
  const kept = ['br', 'gzip'].filter((coding) => codings.has(coding));
  return kept.length > 0 ? kept.join(',') : undefined;
};

/**
 * The cache key of a GET or HEAD on a cached path; undefined for anything that passes through (another method,
 * another path, a query name the behavior does not forward). Accept-Encoding is normalised as CloudFront does
 * (br,gzip, br, gzip or identity), so every browser shares a few copies, not one per header spelling.
 */
export const edgeKeyOf = (request: {
  method?: string | undefined;
  url?: string | undefined;
  headers: IncomingHttpHeaders;
}): EdgeRequest | undefined => {
  if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
  const url = request.url ?? '/';
  const mark = url.indexOf('?');
  const path = mark === -1 ? url : url.slice(0, mark);
  const rule = cacheRuleFor(path);
  if (!rule) return undefined;
  const query = mark === -1 ? '' : url.slice(mark + 1);
  if (query !== '') {
    const names = [...new URLSearchParams(query).keys()];
    if (!names.every((name) => rule.query.includes(name))) return undefined;
  }
  const pathAndQuery = query === '' ? path : `${path}?${query}`;
  const headers: Record<string, string> = {};
  const parts = [pathAndQuery];
  const encoding = normalisedEncoding(headerOf(request.headers, 'accept-encoding'));
  if (encoding) headers['accept-encoding'] = encoding;
  parts.push(headers['accept-encoding'] ?? 'identity');
  for (const name of rule.headers) {
    const value = headerOf(request.headers, name.toLowerCase());
    if (value !== undefined) headers[name.toLowerCase()] = value;
    parts.push(value ?? '');
  }
  for (const name of STAND_IN_FORWARDED_HEADERS) {
    const value = headerOf(request.headers, name.toLowerCase());
    if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  const keyed = ['accept-encoding', ...rule.headers.map((name) => name.toLowerCase())];
  return { key: parts.join('\n'), path, origin: { pathAndQuery, headers }, keyed };
};

const headerOf = (headers: IncomingHttpHeaders, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};
