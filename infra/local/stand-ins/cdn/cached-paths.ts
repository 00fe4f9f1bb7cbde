import { PUBLIC_PATHS } from '../../../../shared/domain/public-urls.ts';

/** What decides a cached answer besides its path: the query names and request headers in the cache key. */
export type CacheRule = { readonly query: readonly string[]; readonly headers: readonly string[] };

const { archive, subscribe } = PUBLIC_PATHS;

/**
 * The paths CloudFront caches (infra/constructs/cdn.ts, `CACHED_PATHS`; a test keeps the two equal), by the
 * same patterns: `/archive` is the list alone, `/archive/*` every page and feed under it. Every other path
 * (the token routes, /r/, /studio, /admin, the webhooks) passes through uncached, as the default behavior does.
 */
export const STAND_IN_CACHED_PATHS = {
  [archive]: { query: ['cursor'], headers: [] },
  [`${archive}/*`]: { query: [], headers: [] },
  [subscribe]: { query: ['lang', 'source'], headers: ['Accept-Language'] },
} as const satisfies Record<string, CacheRule>;

const patterns = Object.entries(STAND_IN_CACHED_PATHS).map(([pattern, rule]) => {
  const prefix = pattern.endsWith('*') ? pattern.slice(0, -1) : undefined;
  return { matches: (path: string) => (prefix ? path.startsWith(prefix) : path === pattern), rule };
});

/** The rule of the first pattern that matches, as CloudFront picks a behavior; none: not cached. */
export const cacheRuleFor = (path: string): CacheRule | undefined =>
  patterns.find((pattern) => pattern.matches(path))?.rule;
