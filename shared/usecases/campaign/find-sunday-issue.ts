import type { Issue } from '../../domain/issue.ts';

/** Issues by Sunday, newest first, those before `before` (a Sunday, or a Sunday and a suffix) only. */
export type IssuesBySunday = {
  listBySunday: (options: { limit: number; before?: string }) => Promise<Issue[]>;
};

/** The issue planned for a Sunday, if any: the index is ordered by Sunday, so it is the first at or before it. */
export const findSundayIssue = async (issues: IssuesBySunday, sunday: string): Promise<Issue | undefined> => {
  const [latest] = await issues.listBySunday({ limit: 1, before: `${sunday}~` });
  return latest?.sunday === sunday ? latest : undefined;
};
