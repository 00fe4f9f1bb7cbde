import type { IncomingHttpHeaders } from 'node:http';
import { cacheRuleFor, type CacheRule } from './cached-paths.ts';

/**
 * A request the edge may answer from its copy: its cache key, and what the origin request on a miss is made
 * of. The key is all a hit needs; the origin's request is built only on a miss (`originRequestOf`).
 */
export type EdgeRequest = {
  key: string;
  /** The path alone, as an invalidation names it. */
  path: string;
  /** The path and the forwarded query. */
  pathAndQuery: string;
  /** Accept-Encoding as CloudFront normalises it; undefined: identity. */
  encoding: string | undefined;
  rule: CacheRule;
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
const normalise = (header: string): string | undefined => {
  const codings = new Set(
    header.split(',').flatMap((part) => {
      const [coding = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      return q === undefined || Number(q.slice(2)) > 0 ? [coding] : [];
    }),
  );
  const kept = ['br', 'gzip'].filter((coding) => codings.has(coding));
  return kept.length > 0 ? kept.join(',') : undefined;
};

// Every request asks this, and clients send a handful of spellings: each is parsed once. Bounded, since the
// header is the client's to write.
const SPELLINGS_KEPT = 64;
const normalised = new Map<string, string | undefined>();
const normalisedEncoding = (header: string | undefined): string | undefined => {
  if (header === undefined) return undefined;
  if (normalised.has(header)) return normalised.get(header);
  const encoding = normalise(header);
  if (normalised.size >= SPELLINGS_KEPT) normalised.clear();
  normalised.set(header, encoding);
  return encoding;
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
  const encoding = normalisedEncoding(headerOf(request.headers, 'accept-encoding'));
  let key = `${pathAndQuery}\n${encoding ?? 'identity'}`;
  for (const name of rule.headers) key += `\n${headerOf(request.headers, name.toLowerCase()) ?? ''}`;
  return { key, path, pathAndQuery, encoding, rule };
};

/**
 * What the origin is asked on a miss, as CloudFront asks it: the path and forwarded query, the normalised
 * Accept-Encoding, the headers in the key and the forwarded ones; and the request headers the key holds (lower
 * case): an answer that varies on any other is not kept.
 */
export const originRequestOf = (edge: EdgeRequest, requestHeaders: IncomingHttpHeaders) => {
  const headers: Record<string, string> = {};
  if (edge.encoding) headers['accept-encoding'] = edge.encoding;
  for (const name of [...edge.rule.headers, ...STAND_IN_FORWARDED_HEADERS]) {
    const value = headerOf(requestHeaders, name.toLowerCase());
    if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  const keyed = ['accept-encoding', ...edge.rule.headers.map((name) => name.toLowerCase())];
  return { pathAndQuery: edge.pathAndQuery, headers, keyed };
};

const headerOf = (headers: IncomingHttpHeaders, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};
