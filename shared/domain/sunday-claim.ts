import type { IssueId } from './issue.ts';

/**
 * Which issue holds a Sunday: one record per Sunday, written before the issue names that Sunday, so two issues
 * can never both name it. `at` tells a claim left by a writer that died half-way (see `isStaleClaim`).
 */
export type SundayClaim = { sunday: string; issueId: IssueId; at: string };

/**
 * Longer than any writer takes between its claim and its issue write (a Lambda stops at 15 minutes): a claim
 * this old whose issue does not name its Sunday was left by a crash, and may be taken over.
 */
export const CLAIM_GRACE_MS = 20 * 60_000;

export const isStaleClaim = (
  claim: SundayClaim,
  holder: { sunday: string } | undefined,
  now: Date,
): boolean => holder?.sunday !== claim.sunday && now.getTime() - Date.parse(claim.at) > CLAIM_GRACE_MS;
