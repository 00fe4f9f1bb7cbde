import { localDate } from '../domain/calendar.ts';
import type { FeedFormat } from '../ports/feed-renderer.ts';
import type { Clock } from '../ports/clock.ts';
import type { IssueStore } from '../ports/issue-store.ts';
import { FEED_LENGTH } from './archive-feed-refresh.ts';
import { collectIssues, isPublished } from './archive-visibility.ts';

export type ArchiveFeedResult = { ok: true; xml: string } | { ok: false; error: 'no_feed' };

/**
 * The feed stored with the newest published issue (see `refreshArchiveFeeds`). An issue rendered before the
 * feeds existed has none: the next older one's is served, one issue behind, rather than nothing.
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
  for (const issue of published) {
    const xml = await deps.store.getFeed(issue.id, format);
    if (xml !== undefined) return { ok: true, xml };
  }
  return { ok: false, error: 'no_feed' };
};
