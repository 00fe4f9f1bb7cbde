import { localDate } from '../domain/calendar.ts';
import type { FeedFormat } from '../ports/feed-renderer.ts';
import type { Clock } from '../ports/clock.ts';
import type { IssueStore, StoredFeed } from '../ports/issue-store.ts';
import { FEED_LENGTH } from './archive-feed-refresh.ts';
import { collectIssues, isPublished, joinOrder } from './archive-visibility.ts';

export type ArchiveFeedResult = { ok: true; xml: string } | { ok: false; error: 'no_feed' };

/**
 * A feed is served only if it names no issue still waiting for its Sunday: one built for a later day (an issue
 * sent before its Sunday was given, while it waited, the feed of that Sunday) may name one. A feed stored before
 * the list was kept is served as before (the next render stores its list).
 */
const servable = (feed: StoredFeed, waiting: ReadonlySet<string>): boolean =>
  !feed.listed?.some((id) => waiting.has(id));

/**
 * The feed stored with the published issue that joined readers last (see `refreshArchiveFeeds`). One rendered
 * before the feeds existed, or sent early over an issue still waiting, has none to serve: the one that joined
 * before it is served, one issue behind, rather than nothing or an issue not public yet.
 */
export const archiveFeed = async (
  format: FeedFormat,
  deps: { store: IssueStore; clock: Clock; timeZone: string },
): Promise<ArchiveFeedResult> => {
  const today = localDate(deps.clock.now(), deps.timeZone);
  // Issues written ahead come first in Sunday order: reading until ten are public sees every one still waiting.
  const rendered = await collectIssues(deps.store, {
    keep: (issue) => issue.renderedRevision !== undefined,
    enough: (kept) => kept.filter((issue) => isPublished(issue, today)).length >= FEED_LENGTH,
    pageSize: FEED_LENGTH + 1,
  });
  const published = rendered.filter((issue) => isPublished(issue, today));
  const waiting = new Set(rendered.filter((issue) => !isPublished(issue, today)).map((issue) => issue.id));
  for (const issue of published.sort(joinOrder(deps.timeZone))) {
    const feed = await deps.store.getFeed(issue.id, format);
    if (feed && servable(feed, waiting)) return { ok: true, xml: feed.xml };
  }
  return { ok: false, error: 'no_feed' };
};
