import { localDate } from '../domain/calendar.ts';
import type { Issue } from '../domain/issue.ts';
import type { Clock } from '../ports/clock.ts';
import type { FeedRenderer } from '../ports/feed-renderer.ts';
import type { IssueStore } from '../ports/issue-store.ts';
import { collectIssues, isPublished } from './archive-visibility.ts';

/** How many issues a feed lists: ten weeks, each with its whole story. */
export const FEED_LENGTH = 10;

export type FeedRefreshDeps = { store: IssueStore; renderer: FeedRenderer; clock: Clock; timeZone: string };

/** Newest first: negative when `a` comes before `b`. */
const sundayOrder = (a: Issue, b: Issue) =>
  a.sunday === b.sunday ? b.series - a.series : a.sunday > b.sunday ? -1 : 1;

/**
 * Render time. The feed library stays out of the public function, so each feed is built ahead and stored with
 * the issue that will be the newest published one when it is served: the newest published now, and each one
 * written ahead for a later Sunday. On Sunday morning the next one's feeds are already there, with no render.
 * Every render rebuilds them all (a few), so a revision, a moved Sunday or a late render is never left out.
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
  const enough = (read: readonly Issue[]) => {
    const issues = known(read, false);
    const served = issues.findIndex((issue) => isPublished(issue, today));
    return served >= 0 && issues.length >= served + FEED_LENGTH;
  };
  const read = await collectIssues(deps.store, {
    keep: (issue) => issue.renderedRevision !== undefined,
    enough,
    pageSize: FEED_LENGTH + 1,
  });
  const issues = known(read, !enough(read));
  const served = issues.findIndex((issue) => isPublished(issue, today));
  const owners = served < 0 ? issues : issues.slice(0, served + 1);
  const at = deps.clock.now().toISOString();
  for (const [index, owner] of owners.entries()) {
    const listed = issues.slice(index, index + FEED_LENGTH) as [Issue, ...Issue[]];
    await deps.store.saveFeeds(owner.id, deps.renderer.renderFeeds(listed), at);
  }
};
