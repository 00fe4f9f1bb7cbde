import { addDays } from '../../domain/post-sunday.ts';
import type { Issue } from '../../domain/issue.ts';
import type { IssuesBySunday } from '../campaign/find-sunday-issue.ts';

export type PlannedSunday = { sunday: string; issue?: Issue };

/** The `weeks` Sundays from `first` on, each with the issue that holds it, if any: the author's plan. */
export const sundayPlan = async (
  first: string,
  weeks: number,
  store: IssuesBySunday,
): Promise<PlannedSunday[]> => {
  const sundays = Array.from({ length: weeks }, (_, week) => addDays(first, week * 7));
  const last = sundays.at(-1) ?? first;
  // Newest first up to the last Sunday; a few more than the weeks in case old data has two on one Sunday.
  const issues = await store.listBySunday({ limit: weeks * 2, before: `${last}~` });
  return sundays.map((sunday) => {
    const issue = issues.find((i) => i.sunday === sunday);
    return issue ? { sunday, issue } : { sunday };
  });
};
