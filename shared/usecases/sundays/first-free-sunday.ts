import type { IssueId } from '../../domain/issue.ts';
import { addDays } from '../../domain/post-sunday.ts';
import { type SundayDeps, takeSunday } from './take-sunday.ts';

/** A year of Sundays: an author is never that far ahead. */
const HORIZON_WEEKS = 53;

/**
 * Claims the first Sunday on or after `from` that no other issue holds, sent or not, and says which. Each one
 * is claimed by a conditional write, so a rival that took it a moment earlier only pushes this one on a week.
 */
export const takeFirstFreeSunday = async (
  from: string,
  id: IssueId,
  deps: SundayDeps,
): Promise<{ ok: true; sunday: string } | { ok: false }> => {
  for (let week = 0; week < HORIZON_WEEKS; week += 1) {
    const sunday = addDays(from, week * 7);
    if ((await takeSunday(sunday, id, deps)).ok) return { ok: true, sunday };
  }
  return { ok: false };
};
