import { createHash } from 'node:crypto';
import type { PublicObject } from '../ports/public-objects.ts';

/**
 * A strong ETag (RFC 9110 §8.8.3) from the bytes alone: the same page built twice, or by another machine, gets
 * the same tag, so a reader's copy stays valid across rebuilds that changed nothing.
 */
export const strongEtag = (body: string): string =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;

export const publicObject = (
  body: string,
  contentType: string,
  extra: Omit<PublicObject, 'body' | 'contentType' | 'etag'> = {},
): PublicObject => ({ body, contentType, etag: strongEtag(body), ...extra });

/** The object key of an issue's page: by series, so an old slug finds the page and redirects to the new one. */
export const issuePageKey = (series: number) => `archive/issues/${series}`;

export const PUBLIC_KEYS = {
  list: 'archive/index',
  rss: 'archive/feed.xml',
  atom: 'archive/atom.xml',
} as const;
