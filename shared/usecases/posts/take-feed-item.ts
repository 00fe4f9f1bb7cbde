import type { FeedItem, FeedItemOutcome, ParsedFeed } from '../../ports/feed-poll.ts';
import type { BlogPosts } from '../../ports/blog-posts.ts';
import type { Logger } from '../../ports/logger.ts';
import type { AcceptPostDeps } from '../accept-post.ts';
import { type BlogPostOutcome, takeBlogPost } from './take-blog-post.ts';
import { type BlogNotPublicDeps, warnBlogNotPublic } from './warn-blog-not-public.ts';

type Feed = Extract<ParsedFeed, { ok: true }>;

/** WordPress writes `?p=ID` as each entry's guid and itself as the generator, WordPress.com included. */
export const wordpressPostOf = (item: FeedItem, feed: Feed): { site: string; id: number } | undefined => {
  if (!/wordpress/i.test(feed.generator ?? '')) return undefined;
  const id = /[?&]p=(\d{1,15})$/.exec(item.id)?.[1];
  const home = feed.link ?? item.link;
  if (!id || !home || !URL.canParse(home)) return undefined;
  return { site: new URL(home).hostname, id: Number(id) };
};

/** Any other feed's entry, in the shape of a WordPress REST post, so it goes through the same mapping. */
export const entryAsPost = (item: FeedItem): Record<string, unknown> => ({
  id: 0,
  date: item.published ?? '',
  link: item.link ?? item.id,
  title: { rendered: item.title },
  content: { rendered: item.html },
});

const outcomeOf = (outcome: BlogPostOutcome, logger: Logger, item: FeedItem): FeedItemOutcome => {
  if (outcome.kind === 'accepted') return 'taken';
  if (outcome.kind === 'conflict') return 'retry';
  if (outcome.kind === 'invalid')
    logger.warn('feed entry refused', { entry: item.id, errors: outcome.errors });
  return 'ignored';
};

/**
 * A new entry of her feed as a post. From a WordPress feed the post is fetched from the blog's REST API:
 * many feeds carry a summary only, and the REST post has the featured image. A blog that does not answer
 * is tried again at the next poll. An API that leads to an address that is not public never will answer:
 * she is told (once a day at most) and the feed's own copy is taken, as for a blog without the API.
 */
export const feedItemTaker =
  (
    deps: AcceptPostDeps & {
      timeZone: string;
      blogPosts?: BlogPosts;
      logger: Logger;
      /** Absent: the refusal is only logged. */
      notPublic?: Omit<BlogNotPublicDeps, 'clock'>;
    },
  ) =>
  async (item: FeedItem, feed: Feed): Promise<FeedItemOutcome> => {
    const wordpress = deps.blogPosts ? wordpressPostOf(item, feed) : undefined;
    if (wordpress && deps.blogPosts) {
      const fetched = await deps.blogPosts.byId(wordpress.site, wordpress.id);
      if (fetched.ok) return outcomeOf(await takeBlogPost(fetched.post, deps), deps.logger, item);
      if (fetched.notPublic) {
        deps.logger.warn('blog API not public, the feed’s copy taken', {
          entry: item.id,
          url: fetched.notPublic.url,
        });
        if (deps.notPublic)
          await warnBlogNotPublic(fetched.notPublic.url, { ...deps.notPublic, clock: deps.clock });
      } else if (fetched.error === 'unavailable') return 'retry';
      // Not on the API (a self-hosted blog without it): the feed's own copy will do.
    }
    return outcomeOf(await takeBlogPost(entryAsPost(item), deps), deps.logger, item);
  };
