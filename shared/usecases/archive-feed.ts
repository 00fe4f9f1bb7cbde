import { localDate } from '../domain/calendar.ts';
import type { Issue } from '../domain/issue.ts';
import type { FeedFormat } from '../ports/feed-renderer.ts';
import type { Clock } from '../ports/clock.ts';
import type { IssueStore, StoredFeed } from '../ports/issue-store.ts';
import { FEED_LENGTH } from './archive-feed-refresh.ts';
import { collectIssues, isPublished, joinDay, joinOrder } from './archive-visibility.ts';

export type ArchiveFeedResult = { ok: true; xml: string } | { ok: false; error: 'no_feed' };

/**
 * An issue sent before its Sunday was given, while it waited, the feed of its Sunday: one that may list an
 * issue whose Sunday has not come yet. Only a feed built after the send is its own.
 */
const servable = (issue: Issue, feed: StoredFeed, timeZone: string): boolean =>
  joinDay(issue, timeZone) === issue.sunday || feed.builtAt >= issue.updatedAt;

/**
 * The feed stored with the published issue that joined readers last (see `refreshArchiveFeeds`). One rendered
 * before the feeds existed, or sent early since its feed was built, has none to serve: the one that joined
 * before it is served, one issue behind, rather than nothing or an issue not public yet.
 */
export const archiveFeed = async (
  format: FeedFormat,
  deps: { store: IssueStore; clock: Clock; timeZone: string },
): Promise<ArchiveFeedResult> => {
  const today = localDate(deps.clock.now(), deps.timeZone);
  const published = await collectIssues(deps.store, {
    keep: (issue) => isPublished(issue, today),
    enough: (kept) => kept.length >= FEED_LENGTH,
    pageSize: FEED_LENGTH,
  });
  for (const issue of published.sort(joinOrder(deps.timeZone))) {
    const feed = await deps.store.getFeed(issue.id, format);
    if (feed && servable(issue, feed, deps.timeZone)) return { ok: true, xml: feed.xml };
  }
  return { ok: false, error: 'no_feed' };
};
