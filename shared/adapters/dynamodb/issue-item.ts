import type { Issue, IssueId } from '../../domain/issue.ts';
import type { SundayPosition } from '../../ports/issue-store.ts';

/** Key layout of an issue and its renders: one partition per issue, found by series number without an index. */
export const issueKey = (id: IssueId) => ({ pk: `ISSUE#${id}`, sk: 'META' });
export const renderKey = (id: IssueId, revision: number) => ({
  pk: `ISSUE#${id}`,
  sk: `RENDER#${String(revision).padStart(6, '0')}`,
});

/** All issues share one index partition ordered by Sunday: a weekly newsletter writes ~52 a year. */
export const ISSUES_BY_SUNDAY = 'ISSUES';
/** Sorts as text in Sunday order, then series order: the series number is padded. */
export const sundaySortKey = ({ sunday, series }: SundayPosition) =>
  `${sunday}#${String(series).padStart(6, '0')}`;
const bySundayKey = (issue: Issue) => ({ gsi1pk: ISSUES_BY_SUNDAY, gsi1sk: sundaySortKey(issue) });

export const toIssueItem = (issue: Issue) => ({
  ...issueKey(issue.id),
  ...bySundayKey(issue),
  kind: 'issue',
  ...issue,
});

export const fromIssueItem = (item: Record<string, unknown>): Issue => {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, kind: _kind, ...issue } = item;
  return issue as Issue;
};
