/** A WordPress REST post as the fake keeps it: the JSON the real API answers, `id`, `link` and dates included. */
export type FakePost = Record<string, unknown> & {
  id: number;
  link: string;
  date_gmt: string;
  modified_gmt: string;
};

export type FeedMode = 'ok' | 'broken' | 'moved' | 'garbage';

/** What the fake WordPress.com holds: one site's posts, newest first, and how its feed misbehaves. */
export const fakeBlogState = (site: string) => {
  const posts = new Map<number, FakePost>();
  let feedMode: FeedMode = 'ok';
  const requests: string[] = [];
  const gmt = (at: Date) => at.toISOString().slice(0, 19);
  return {
    site,
    requests,
    feedMode: () => feedMode,
    setFeedMode: (mode: FeedMode) => {
      feedMode = mode;
    },
    /** Newest first, as the REST API and the feed list them. */
    list: () => [...posts.values()].sort((a, b) => (a.date_gmt < b.date_gmt ? 1 : -1)),
    get: (id: number) => posts.get(id),
    /**
     * Publishes a post, or edits it when its id is known: as on WordPress.com, an edit keeps the
     * publication date and moves the modified one. `at`: when it happens (the CLI says now).
     */
    publish: (
      post: Record<string, unknown>,
      at: Date,
      keepDates = false,
    ): { post: FakePost; edit: boolean } => {
      const id = typeof post['id'] === 'number' ? post['id'] : Math.max(4000, ...posts.keys()) + 1;
      const existing = posts.get(id);
      const date =
        keepDates && typeof post['date_gmt'] === 'string'
          ? post['date_gmt']
          : (existing?.date_gmt ?? gmt(at));
      const modified = keepDates && typeof post['modified_gmt'] === 'string' ? post['modified_gmt'] : gmt(at);
      const link =
        typeof post['link'] === 'string'
          ? post['link']
          : `https://${site}/${date.slice(0, 10).replaceAll('-', '/')}/${id}/`;
      const stored: FakePost = {
        ...post,
        id,
        link,
        date,
        date_gmt: date,
        modified,
        modified_gmt: modified,
        guid: { rendered: `https://${site}/?p=${id}` },
        status: 'publish',
      };
      posts.set(id, stored);
      return { post: stored, edit: existing !== undefined };
    },
  };
};

export type FakeBlogState = ReturnType<typeof fakeBlogState>;
