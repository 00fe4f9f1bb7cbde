import { localDate } from '../domain/calendar.ts';
import type { Issue } from '../domain/issue.ts';
import type { Clock } from '../ports/clock.ts';
import type { IssueStore, SundayPosition } from '../ports/issue-store.ts';
import { collectIssues, isPublished, positionOf } from './archive-visibility.ts';

export type ArchiveListDeps = { store: IssueStore; clock: Clock; timeZone: string };

/** A page of the archive, newest first; `next` is where the following page starts, when there is one. */
export type ArchiveListPage = { issues: Issue[]; next?: SundayPosition };

/** The published issues, a page at a time. One issue more than the page is read to know whether another follows. */
export const archiveList = async (
  query: { limit: number; from?: SundayPosition },
  deps: ArchiveListDeps,
): Promise<ArchiveListPage> => {
  const today = localDate(deps.clock.now(), deps.timeZone);
  const found = await collectIssues(deps.store, {
    keep: (issue) => isPublished(issue, today),
    enough: (kept) => kept.length > query.limit,
    pageSize: query.limit + 1,
    ...(query.from ? { from: query.from } : {}),
  });
  const issues = found.slice(0, query.limit);
  const last = issues.at(-1);
  return found.length > query.limit && last ? { issues, next: positionOf(last) } : { issues };
};
