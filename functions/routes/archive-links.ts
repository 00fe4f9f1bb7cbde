import { archiveUrl } from './links.ts';

/** The archive's public addresses, absolute (feeds and social cards are read away from the site). */
export const archiveLinks = (baseUrl: string) => ({
  archive: `${baseUrl}/archive`,
  rss: `${baseUrl}/archive/feed.xml`,
  atom: `${baseUrl}/archive/atom.xml`,
  subscribe: `${baseUrl}/subscribe`,
  issue: (slug: string) => archiveUrl(baseUrl, slug),
  // The number alone resolves and redirects to the current slug: a link that survives a new title.
  permalink: (series: number) => archiveUrl(baseUrl, String(series)),
  page: (cursor: string) => `${baseUrl}/archive?cursor=${encodeURIComponent(cursor)}`,
});

export type ArchiveLinks = ReturnType<typeof archiveLinks>;
