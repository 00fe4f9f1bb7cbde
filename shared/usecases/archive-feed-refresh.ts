import { localDate } from '../domain/calendar.ts';
import type { Issue } from '../domain/issue.ts';
import type { Clock } from '../ports/clock.ts';
import type { FeedRenderer } from '../ports/feed-renderer.ts';
import type { IssueStore } from '../ports/issue-store.ts';
import { collectIssues, isPublished, joinOrder, sundayOrder } from './archive-visibility.ts';

/** How many issues a feed lists: ten weeks, each with its whole story. */
export const FEED_LENGTH = 10;

export type FeedRefreshDeps = { store: IssueStore; renderer: FeedRenderer; clock: Clock; timeZone: string };

/**
 * Render time. The feed library stays out of the public function, so each feed is built ahead and stored with
 * the issue that joined readers last when it is served (see `archiveFeed`): the one that did so by today, and,
 * for each later Sunday an issue written ahead joins them, that issue. Each lists only what readers may see
 * on its day: an issue sent before its Sunday never brings along one whose Sunday has not come. On Sunday
 * morning the next feeds are already there, with no render. Every render rebuilds them all (a few), so a
 * revision, a moved Sunday or a late render is never left out.
 */
export const refreshArchiveFeeds = async (rendered: Issue, deps: FeedRefreshDeps): Promise<void> => {
  const today = localDate(deps.clock.now(), deps.timeZone);
  // The index is read right after the render was marked and may not show it yet: the copy in hand wins. Until
  // the reading has gone past its place, issues older than the last one read are unknown, so it waits too.
  const known = (read: readonly Issue[], exhausted: boolean) => {
    const issues = [...read.filter((issue) => issue.id !== rendered.id), rendered].sort(sundayOrder);
    const last = read.at(-1);
    return exhausted || !last ? issues : issues.filter((issue) => sundayOrder(issue, last) <= 0);
  };
  // Whatever is public today is public on every later day: ten of them known make every feed whole.
  const enough = (read: readonly Issue[]) =>
    known(read, false).filter((issue) => isPublished(issue, today)).length >= FEED_LENGTH;
  const read = await collectIssues(deps.store, {
    keep: (issue) => issue.renderedRevision !== undefined,
    enough,
    pageSize: FEED_LENGTH + 1,
  });
  const issues = known(read, !enough(read));
  const feedOn = (day: string) =>
    issues.filter((issue) => isPublished(issue, day)).slice(0, FEED_LENGTH) as [Issue, ...Issue[]];

  const [joinedLast] = issues.filter((issue) => isPublished(issue, today)).sort(joinOrder(deps.timeZone));
  const owners: { owner: Issue; day: string }[] = joinedLast ? [{ owner: joinedLast, day: today }] : [];
  // Issues of one Sunday join together: the feed goes with the one read first there, as `archiveFeed` picks.
  for (const issue of issues) {
    if (isPublished(issue, today) || owners.some(({ day }) => day === issue.sunday)) continue;
    owners.push({ owner: issue, day: issue.sunday });
  }
  const at = deps.clock.now().toISOString();
  for (const { owner, day } of owners) {
    const listed = feedOn(day);
    await deps.store.saveFeeds(
      owner.id,
      deps.renderer.renderFeeds(listed),
      at,
      listed.map((issue) => issue.id),
    );
  }
};
