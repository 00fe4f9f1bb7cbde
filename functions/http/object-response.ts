import { gzipSync } from 'node:zlib';
import type { Context } from 'hono';

/** What the CDN and browsers keep, and for how long (see README, Performance). */
export const CACHE_CONTROL = {
  // A page changes only with a revision, which invalidates it at the CDN: an hour there bounds a lost invalidation.
  page: 'public, max-age=300, s-maxage=3600, stale-while-revalidate=60',
  // The list and the feeds also change on a Sunday, with no event to invalidate them: five minutes.
  list: 'public, max-age=300, s-maxage=300, stale-while-revalidate=60',
} as const;

type Encoded = { identity: Uint8Array<ArrayBuffer>; gzip: Uint8Array<ArrayBuffer> };

// The bytes of each page as sent, by ETag: encoded (and compressed) once, not on every request. A few dozen
// pages at most are current at once (issue pages, the list, the feeds, the form in two languages).
const ENCODED_LIMIT = 64;
const encoded = new Map<string, Encoded>();
const encodingsOf = (body: string, etag: string): Encoded => {
  const found = encoded.get(etag);
  if (found) return found;
  // Copies into plain ArrayBuffers: what a Response body takes, and no share of Node's pooled buffer.
  const identity = new Uint8Array(Buffer.from(body, 'utf8'));
  const entry = { identity, gzip: new Uint8Array(gzipSync(identity)) };
  if (encoded.size >= ENCODED_LIMIT) encoded.delete(encoded.keys().next().value as string);
  encoded.set(etag, entry);
  return entry;
};

/** RFC 9110 §13.1.2: If-None-Match compares weakly; `*` matches any current representation. */
const matches = (header: string | undefined, tags: readonly string[]) => {
  if (header === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || tags.includes(opaque(tag)));
};

/** A strong ETag names one representation: the gzipped bytes get a tag of their own (RFC 9110 §8.8.3). */
const gzipTag = (etag: string) => `${etag.slice(0, -1)}-gz"`;

/** Accept-Encoding names gzip with a weight above zero (RFC 9110 §12.5.3). */
const acceptsGzip = (header: string | undefined) =>
  (header ?? '').split(',').some((part) => {
    const [coding = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    return coding === 'gzip' && (q === undefined || Number(q.slice(2)) > 0);
  });

/**
 * A finished page with its strong ETag, gzipped for a client that takes it; a conditional request whose copy
 * is current (in either coding) gets 304 and no body.
 */
export const objectResponse = (
  c: Context,
  object: { body: string; contentType: string; etag: string },
  cacheControl: string,
  vary: readonly string[] = [],
): Response => {
  const gzip = acceptsGzip(c.req.header('accept-encoding'));
  const etag = gzip ? gzipTag(object.etag) : object.etag;
  const headers: Record<string, string> = {
    etag,
    'cache-control': cacheControl,
    vary: [...vary, 'accept-encoding'].join(', '),
  };
  if (matches(c.req.header('if-none-match'), [object.etag, gzipTag(object.etag)])) {
    return c.body(null, 304, headers);
  }
  const bytes = encodingsOf(object.body, object.etag);
  if (gzip) headers['content-encoding'] = 'gzip';
  return c.body(gzip ? bytes.gzip : bytes.identity, 200, { ...headers, 'content-type': object.contentType });
};
