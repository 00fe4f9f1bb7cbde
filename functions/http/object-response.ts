import type { Context } from 'hono';

/** What the CDN and browsers keep, and for how long (see README, Performance). */
export const CACHE_CONTROL = {
  // A page changes only with a revision, which invalidates it at the CDN: an hour there bounds a lost invalidation.
  page: 'public, max-age=300, s-maxage=3600, stale-while-revalidate=60',
  // The list and the feeds also change on a Sunday, with no event to invalidate them: five minutes.
  list: 'public, max-age=300, s-maxage=300, stale-while-revalidate=60',
} as const;

/** RFC 9110 §13.1.2: If-None-Match compares weakly; `*` matches any current representation. */
const matches = (header: string | undefined, etag: string) => {
  if (header === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
};

/** A finished page with its strong ETag; a conditional request whose copy is current gets 304 and no body. */
export const objectResponse = (
  c: Context,
  object: { body: string; contentType: string; etag: string },
  cacheControl: string,
): Response => {
  const headers = { etag: object.etag, 'cache-control': cacheControl };
  if (matches(c.req.header('if-none-match'), object.etag)) return c.body(null, 304, headers);
  return c.body(object.body, 200, { ...headers, 'content-type': object.contentType });
};
