/** The answers CloudFront keeps here: a page, a moved slug's redirect, a missing page the app marks public. */
const KEPT_STATUSES = new Set([200, 301, 404]);

/**
 * How long the edge may keep an answer, in seconds, or undefined when it must not: `s-maxage` (else `max-age`)
 * above zero, never `no-store`, `private` or `no-cache`, never a Set-Cookie, and a Vary naming only headers in
 * the cache key (`keyed`): any other would serve one reader's variant to another. The cache policy's default
 * TTL is zero, so an answer without Cache-Control is not kept either.
 */
export const edgeTtlOf = (
  answer: { status: number; headers: Headers },
  keyed: readonly string[],
): number | undefined => {
  if (!KEPT_STATUSES.has(answer.status) || answer.headers.has('set-cookie')) return undefined;
  const vary = (answer.headers.get('vary') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  if (!vary.every((name) => keyed.includes(name))) return undefined;
  const directives = new Map(
    (answer.headers.get('cache-control') ?? '').split(',').map((part) => {
      const [name = '', value = ''] = part.split('=').map((p) => p.trim());
      return [name.toLowerCase(), value.replace(/^"|"$/g, '')] as const;
    }),
  );
  if (['no-store', 'private', 'no-cache'].some((name) => directives.has(name))) return undefined;
  const seconds = Number(directives.get('s-maxage') ?? directives.get('max-age') ?? 0);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
};
