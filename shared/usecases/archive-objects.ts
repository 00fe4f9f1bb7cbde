import { decodeArchiveCursor } from '../domain/archive-cursor.ts';
import { localDate } from '../domain/calendar.ts';
import { issuePageKey, PUBLIC_KEYS, publicObject } from '../domain/public-object.ts';
import { seriesFromSlug } from '../domain/slug.ts';
import type { FeedFormat } from '../ports/feed-renderer.ts';
import type { PublicObject } from '../ports/public-objects.ts';
import { archiveFeed } from './archive-feed.ts';
import { type ArchiveListDeps, type ArchiveListPage, archiveList } from './archive-list.ts';
import { archivePage } from './archive-page.ts';
import { type BuiltObjectDeps, builtPublicObject } from './built-public-object.ts';

const HTML = 'text/html; charset=UTF-8';
const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};

/**
 * The public archive's list, feeds and issue pages. Each is first looked for as the finished object the render
 * step built (one read); one not built yet, not public yet or gone stale with the date is built from the table.
 */
export type ArchiveObjectDeps = ArchiveListDeps & BuiltObjectDeps;

const built = (key: string, deps: ArchiveObjectDeps) =>
  builtPublicObject(key, localDate(deps.clock.now(), deps.timeZone), deps);

/** A feed, or undefined while no issue is published. */
export const archiveFeedObject = async (format: FeedFormat, deps: ArchiveObjectDeps) => {
  const object = await built(PUBLIC_KEYS[format], deps);
  if (object) return object;
  const found = await archiveFeed(format, deps);
  return found.ok ? publicObject(found.xml, FEED_TYPES[format]) : undefined;
};

/** A page of the list from `cursor` (none: the first, as built), drawn by `render`. */
export const archiveListObject = async (
  cursor: string | undefined,
  deps: ArchiveObjectDeps & { pageSize: number; render: (page: ArchiveListPage, first: boolean) => string },
): Promise<PublicObject | 'invalid_cursor'> => {
  const object = cursor === undefined ? await built(PUBLIC_KEYS.list, deps) : undefined;
  if (object) return object;
  const from = decodeArchiveCursor(cursor);
  if (from === 'invalid') return 'invalid_cursor';
  const page = await archiveList({ limit: deps.pageSize, ...(from ? { from } : {}) }, deps);
  return publicObject(deps.render(page, from === undefined), HTML);
};

/** An issue's page; an old slug of a retitled issue is `moved` to its current one. */
export const archiveIssueObject = async (
  slug: string,
  deps: ArchiveObjectDeps,
): Promise<
  | { ok: true; object: PublicObject }
  | { ok: false; error: 'not_found' }
  | { ok: false; error: 'moved'; slug: string }
> => {
  const series = seriesFromSlug(slug);
  const object = series === undefined ? undefined : await built(issuePageKey(series), deps);
  if (object?.slug === slug) return { ok: true, object };
  if (object?.slug) return { ok: false, error: 'moved', slug: object.slug };
  const page = await archivePage(slug, deps);
  return page.ok ? { ok: true, object: publicObject(page.html, HTML) } : page;
};
