import { describe, expect, it } from 'vitest';
import { memoryRateLimits } from '../../shared/adapters/memory/rate-limits.ts';
import type { AuthorNotice } from '../../shared/ports/author-notices.ts';
import { warnBlogNotPublic } from '../../shared/usecases/posts/warn-blog-not-public.ts';

const setup = () => {
  let now = new Date('2026-11-29T08:00:00.000Z');
  const notices: AuthorNotice[] = [];
  const deps = {
    author: { notify: async (notice: AuthorNotice) => void notices.push(notice) },
    cooldowns: memoryRateLimits(),
    clock: { now: () => now },
  };
  const later = (hours: number) => (now = new Date(now.getTime() + hours * 3600_000));
  return { deps, notices, later };
};

describe('telling her that her blog’s API leads to an address that is not public', () => {
  it('names the address once a day per host, whichever post led there', async () => {
    const { deps, notices, later } = setup();
    const first = 'http://127.0.0.2:9001/wp/v2/sites/blog.example/posts/4242?_embed';
    expect(await warnBlogNotPublic(first, deps)).toBe(true);
    expect(await warnBlogNotPublic(first, deps)).toBe(false);
    later(23);
    expect(await warnBlogNotPublic('http://127.0.0.2:9001/wp/v2/sites/blog.example/posts/4243', deps)).toBe(
      false,
    );
    expect(await warnBlogNotPublic('http://10.0.0.1/wp/v2/sites/blog.example/posts/4243', deps)).toBe(true);
    later(1);
    expect(await warnBlogNotPublic(first, deps)).toBe(true);
    expect(notices).toEqual([
      { kind: 'blog_not_public', url: first },
      { kind: 'blog_not_public', url: 'http://10.0.0.1/wp/v2/sites/blog.example/posts/4243' },
      { kind: 'blog_not_public', url: first },
    ]);
  });
});
