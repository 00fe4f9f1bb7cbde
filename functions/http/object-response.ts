import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context } from 'hono';

/** What the CDN and browsers keep, and for how long (see README, Performance). */
export const CACHE_CONTROL = {
  // A page changes only with a revision, which invalidates it at the CDN: an hour there bounds a lost invalidation.
  page: 'public, max-age=300, s-maxage=3600, stale-while-revalidate=60',
  // The list and the feeds also change on a Sunday, with no event to invalidate them: five minutes.
  list: 'public, max-age=300, s-maxage=300, stale-while-revalidate=60',
} as const;

type Coding = 'br' | 'gzip';
type Encoded = { identity: Uint8Array<ArrayBuffer> } & Record<Coding, Uint8Array<ArrayBuffer>>;

// The bytes of each page as sent, by ETag: encoded (and compressed) once, not on every request. A few dozen
// pages at most are current at once (issue pages, the list, the feeds, the form in two languages).
const ENCODED_LIMIT = 64;
const encoded = new Map<string, Encoded>();
const encodingsOf = (body: string, etag: string): Encoded => {
  const found = encoded.get(etag);
  if (found) return found;
  // Copies into plain ArrayBuffers: what a Response body takes, and no share of Node's pooled buffer.
  const identity = new Uint8Array(Buffer.from(body, 'utf8'));
  // Brotli at its best quality once per page (tens of ms for an issue page), then sent as it is: 15-20 % fewer
  // bytes than gzip for every reader whose browser takes it, as CloudFront serves it when the origin does.
  const br = brotliCompressSync(identity, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: identity.byteLength,
    },
  });
  const entry = { identity, gzip: new Uint8Array(gzipSync(identity)), br: new Uint8Array(br) };
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

/** A strong ETag names one representation: each compressed copy gets a tag of its own (RFC 9110 §8.8.3). */
const codedTag = (etag: string, coding: Coding) => `${etag.slice(0, -1)}-${coding === 'gzip' ? 'gz' : 'br'}"`;

/** The codings Accept-Encoding names with a weight above zero (RFC 9110 §12.5.3). */
const accepted = (header: string | undefined): Set<string> =>
  new Set(
    (header ?? '').split(',').flatMap((part) => {
      const [coding = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      return q === undefined || Number(q.slice(2)) > 0 ? [coding] : [];
    }),
  );

/** Brotli where the client takes it (every current browser, and CloudFront), else gzip, else the bytes as they are. */
const codingFor = (header: string | undefined): Coding | undefined => {
  const codings = accepted(header);
  return codings.has('br') ? 'br' : codings.has('gzip') ? 'gzip' : undefined;
};

/**
 * A finished page with its strong ETag, compressed for a client that takes it (brotli, else gzip); a
 * conditional request whose copy is current (in any coding) gets 304 and no body.
 */
export const objectResponse = (
  c: Context,
  object: { body: string; contentType: string; etag: string },
  cacheControl: string,
  vary: readonly string[] = [],
): Response => {
  const coding = codingFor(c.req.header('accept-encoding'));
  const etag = coding ? codedTag(object.etag, coding) : object.etag;
  const headers: Record<string, string> = {
    etag,
    'cache-control': cacheControl,
    vary: [...vary, 'accept-encoding'].join(', '),
  };
  const tags = [object.etag, codedTag(object.etag, 'gzip'), codedTag(object.etag, 'br')];
  if (matches(c.req.header('if-none-match'), tags)) return c.body(null, 304, headers);
  const bytes = encodingsOf(object.body, object.etag);
  if (coding) headers['content-encoding'] = coding;
  return c.body(coding ? bytes[coding] : bytes.identity, 200, {
    ...headers,
    'content-type': object.contentType,
  });
};
