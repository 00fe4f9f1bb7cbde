import { localDate } from '../domain/calendar.ts';
import type { Issue } from '../domain/issue.ts';
import { issuePageKey, PUBLIC_KEYS, publicObject } from '../domain/public-object.ts';
import type { Clock } from '../ports/clock.ts';
import type { FeedRenderer } from '../ports/feed-renderer.ts';
import type { IssueStore } from '../ports/issue-store.ts';
import type { CdnInvalidator, PublicObject, PublicObjects } from '../ports/public-objects.ts';
import { FEED_LENGTH } from './archive-feed-refresh.ts';
import type { ArchiveListPage } from './archive-list.ts';
import { collectIssues, isPublished, positionOf, sundayOrder } from './archive-visibility.ts';

export type PublicPagesDeps = {
  store: IssueStore;
  objects: PublicObjects;
  clock: Clock;
  timeZone: string;
  feeds: FeedRenderer;
  /** The archive's first page, as the route would answer it, and how many issues it lists. */
  list: { size: number; render: (page: ArchiveListPage) => string };
  /** CloudFront on AWS, the CloudFront stand-in on one machine; absent where nothing caches in front of the app. */
  cdn?: CdnInvalidator;
};

const HTML = 'text/html; charset=UTF-8';
const TYPES = { rss: 'application/rss+xml; charset=utf-8', atom: 'application/atom+xml; charset=utf-8' };

/**
 * Render time, after the issue's render is saved: its page, the archive's first page and the feeds become
 * finished objects, so a public request costs one object read. Only what changed is written, and exactly those
 * public paths (the page, its old slug and number when the slug moved, the list, the feeds) are invalidated at
 * the CDN. The list and the feeds are also built as they will stand on each later Sunday an issue written
 * ahead joins them, so the routes move on at midnight with no render (the CDN within its five minutes).
 */
export const publishPublicPages = async (
  rendered: Issue,
  webHtml: string,
  deps: PublicPagesDeps,
): Promise<{ paths: string[] }> => {
  const paths: string[] = [];
  const put = async (key: string, next: PublicObject, changedPaths: readonly string[]) => {
    const before = await deps.objects.get(key);
    if (before && sameObject(before, next)) return;
    await deps.objects.put(key, next);
    paths.push(...changedPaths);
  };

  const pageKey = issuePageKey(rendered.series);
  const before = await deps.objects.get(pageKey);
  const moved =
    before?.slug !== undefined && before.slug !== rendered.slug ? [`/archive/${before.slug}`] : [];
  const permalink = before?.slug !== rendered.slug ? [`/archive/${rendered.series}`] : [];
  await put(pageKey, publicObject(webHtml, HTML, { slug: rendered.slug, publicFrom: rendered.sunday }), [
    `/archive/${rendered.slug}`,
    ...moved,
    ...permalink,
  ]);

  const today = localDate(deps.clock.now(), deps.timeZone);
  const needed = Math.max(deps.list.size + 1, FEED_LENGTH);
  // The index is read right after the render was marked and may not show it yet: the copy in hand wins.
  const read = await collectIssues(deps.store, {
    keep: (issue) => issue.renderedRevision !== undefined && issue.id !== rendered.id,
    enough: (kept) => kept.filter((issue) => isPublished(issue, today)).length >= needed,
    pageSize: needed,
  });
  const issues = [...read, rendered].sort(sundayOrder);
  // The list and the feeds as they stand today, then as they will from each Sunday an issue written ahead
  // joins them: each copy names the day it goes stale and the key of the one that follows.
  const ahead = [
    ...new Set(issues.filter((issue) => !isPublished(issue, today)).map((i) => i.sunday)),
  ].sort();
  const days = [today, ...ahead];
  for (const [index, day] of days.entries()) {
    const until = days[index + 1];
    const variant = (key: string) => (index === 0 ? key : `${key}~${day}`);
    const chain = (key: string) => (until ? { staleFrom: until, next: `${key}~${until}` } : {});
    // Only today's copies are at the edge; a later one is read once its day has come.
    const edge = (path: string) => (index === 0 ? [path] : []);
    const published = issues.filter((issue) => isPublished(issue, day));
    const left = issues.filter((issue) => !isPublished(issue, day)).map((issue) => issue.id);
    const pending = left.length > 0 ? { pending: left } : {};
    const shown = published.slice(0, deps.list.size);
    const last = shown.at(-1);
    const page: ArchiveListPage =
      published.length > deps.list.size && last
        ? { issues: shown, next: positionOf(last) }
        : { issues: shown };
    const list = PUBLIC_KEYS.list;
    await put(
      variant(list),
      publicObject(deps.list.render(page), HTML, { ...chain(list), ...pending }),
      edge('/archive'),
    );
    const [newest, ...older] = published;
    if (!newest) {
      // No feed that day (the only issue moved to a later Sunday): a copy stale at once, so the route answers
      // from the table, a 404, and not the feed this issue once had.
      for (const format of ['rss', 'atom'] as const) {
        const key = PUBLIC_KEYS[format];
        await put(variant(key), publicObject('', TYPES[format], { staleFrom: day }), edge(`/${key}`));
      }
      continue;
    }
    const feeds = deps.feeds.renderFeeds([newest, ...older.slice(0, FEED_LENGTH - 1)]);
    for (const format of ['rss', 'atom'] as const) {
      const key = PUBLIC_KEYS[format];
      const object = publicObject(feeds[format], TYPES[format], { ...chain(key), ...pending });
      await put(variant(key), object, edge(`/${key}`));
    }
  }
  if (paths.length > 0) await deps.cdn?.invalidate(paths);
  return { paths };
};

const sameObject = (a: PublicObject, b: PublicObject) =>
  a.etag === b.etag &&
  a.slug === b.slug &&
  a.publicFrom === b.publicFrom &&
  a.staleFrom === b.staleFrom &&
  a.next === b.next &&
  a.pending?.join() === b.pending?.join();
