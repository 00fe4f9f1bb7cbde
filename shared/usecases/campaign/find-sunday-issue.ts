import type { Issue } from '../../domain/issue.ts';
import type { IssueStore } from '../../ports/issue-store.ts';

/** The issue planned for a Sunday, if any: the index is ordered by Sunday, so it is the first at or before it. */
export const findSundayIssue = async (
  issues: Pick<IssueStore, 'listBySunday'>,
  sunday: string,
): Promise<Issue | undefined> => {
  const [latest] = await issues.listBySunday({ limit: 1, before: `${sunday}~` });
  return latest?.sunday === sunday ? latest : undefined;
};
