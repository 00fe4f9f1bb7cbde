import type { AuthorNotifier } from '../../ports/author-notices.ts';
import type { Clock } from '../../ports/clock.ts';
import type { RateLimits } from '../../ports/rate-limits.ts';

export type BlogNotPublicDeps = {
  author: AuthorNotifier;
  /** Shared by every instance, so WordPress.com's retries and each new feed entry claim the same day. */
  cooldowns: Pick<RateLimits, 'cooldown'>;
  clock: Clock;
};

/** One mail a day for one refused host is enough: retries of the same notification must not become a storm. */
export const BLOG_NOT_PUBLIC_COOLDOWN_SECONDS = 24 * 60 * 60;

/**
 * Tells her that her blog's API led to an address that is not public, at most once a day per host (the path
 * changes with each post; the fix, her blog's address, does not). The day is claimed before the mail goes: a mail
 * that fails is not retried, rather than risking two.
 */
export const warnBlogNotPublic = async (url: string, deps: BlogNotPublicDeps): Promise<boolean> => {
  const host = URL.canParse(url) ? new URL(url).host : url.slice(0, 200);
  const claim = await deps.cooldowns.cooldown(
    `notice:blog-not-public:${host}`,
    BLOG_NOT_PUBLIC_COOLDOWN_SECONDS,
    deps.clock.now(),
  );
  if (!claim.ok) return false;
  await deps.author.notify({ kind: 'blog_not_public', url });
  return true;
};
