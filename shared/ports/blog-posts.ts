/**
 * The blog's own copy of a post, fetched when a notification or a feed names it: what a notification's body
 * says is never trusted. The post comes back as the blog's JSON, unvalidated; the edge that maps it checks it.
 */
export type BlogPostFetch =
  | { ok: true; post: unknown }
  | {
      ok: false;
      error: 'not_found' | 'unavailable';
      detail: string;
      /** Never fetched: the API, or a redirect from it, named a loopback, private, link-local… address. */
      notPublic?: { url: string };
    };

/** One page of a blog's posts, newest first, for the archive import. */
export type BlogPostPage =
  | { ok: true; posts: unknown[]; totalPages: number }
  | { ok: false; error: 'not_found' | 'unavailable'; detail: string };

export type BlogPosts = {
  byId: (site: string, id: number) => Promise<BlogPostFetch>;
  page: (site: string, page: number, perPage: number) => Promise<BlogPostPage>;
};
