import type { BlogPosts } from '../../ports/blog-posts.ts';
import type { AcceptPostDeps } from '../accept-post.ts';
import { type BlogPostOutcome, takeBlogPost } from './take-blog-post.ts';

export type NotifiedPostOutcome =
  | BlogPostOutcome
  /** Deleted, made private or back to draft since the notification left: nothing for the readers. */
  | { kind: 'not_found' }
  /** `notPublic`: never fetched, the API or a redirect named an address that is not public. */
  | { kind: 'unavailable'; detail: string; notPublic?: { url: string } };

/**
 * The post a WordPress.com notification names, fetched from the blog's public API (the notification itself is
 * not trusted for content) and taken through the same mapping and use case as a signed post.
 */
export const takeNotifiedPost = async (
  { site, id }: { site: string; id: number },
  deps: AcceptPostDeps & { timeZone: string; blogPosts: BlogPosts },
): Promise<NotifiedPostOutcome> => {
  const fetched = await deps.blogPosts.byId(site, id);
  if (!fetched.ok && fetched.error === 'not_found') return { kind: 'not_found' };
  if (!fetched.ok)
    return {
      kind: 'unavailable',
      detail: fetched.detail,
      ...(fetched.notPublic ? { notPublic: fetched.notPublic } : {}),
    };
  return takeBlogPost(fetched.post, deps);
};
