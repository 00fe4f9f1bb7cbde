import { Feed } from 'feed';
import type { FakeBlogState } from './fake-blog-state.ts';

const rendered = (value: unknown): string =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { rendered?: unknown }).rendered === 'string'
    ? (value as { rendered: string }).rendered
    : '';

/** The site's RSS 2.0 feed as WordPress writes it: guid `?p=ID`, full content, WordPress as the generator. */
export const fakeBlogFeed = (state: FakeBlogState): string => {
  const feed = new Feed({
    title: 'K@ro’Online',
    id: `https://${state.site}/`,
    link: `https://${state.site}/`,
    copyright: '',
    generator: 'https://wordpress.org/?v=6.8',
    language: 'fr',
    // The newest change, not the time of the request: the same posts give the same bytes and the same ETag.
    updated: new Date(`${state.list()[0]?.modified_gmt ?? '2026-01-01T00:00:00'}Z`),
  });
  for (const post of state.list()) {
    feed.addItem({
      title: rendered(post['title']),
      id: `https://${state.site}/?p=${post.id}`,
      link: post.link,
      date: new Date(`${post.date_gmt}Z`),
      description: rendered(post['excerpt']),
      content: rendered(post['content']),
    });
  }
  return feed.rss2();
};
