import type { Issue, IssueId } from '../../domain/issue.ts';
import { isStaleClaim, type SundayClaim } from '../../domain/sunday-claim.ts';
import type { Clock } from '../../ports/clock.ts';
import { findSundayIssue, type IssuesBySunday } from '../campaign/find-sunday-issue.ts';

/** The issues and the one claim per Sunday that keeps two issues from both naming it. */
export type SundayClaims = IssuesBySunday & {
  get: (id: IssueId) => Promise<Issue | undefined>;
  sundayClaim: (sunday: string) => Promise<SundayClaim | undefined>;
  /** Succeeds when unclaimed or already this issue's, or, `replacing`, when the claim is still exactly that one. */
  claimSunday: (claim: SundayClaim, replacing?: SundayClaim) => Promise<boolean>;
  /** Lets a Sunday go, only if this issue still holds it. */
  releaseSunday: (sunday: string, id: IssueId) => Promise<boolean>;
};

export type SundayDeps = {
  store: SundayClaims;
  clock: Clock;
};

export type TakeSunday = { ok: true } | { ok: false; holder: IssueId };

/**
 * Claims `sunday` for issue `id`, before the issue is written with it: the claim's key is the Sunday, so of two
 * writers racing for it one conditional write fails. An issue stored before claims existed holds its Sunday
 * too: its claim is written for it first (lazily), and then ours fails like any other.
 */
export const takeSunday = async (sunday: string, id: IssueId, deps: SundayDeps): Promise<TakeSunday> => {
  // Each turn either succeeds, finds a live holder, or lost a race that changed the claim: a few turns suffice.
  for (let turn = 0; turn < 4; turn += 1) {
    const claim = await deps.store.sundayClaim(sunday);
    const at = deps.clock.now().toISOString();
    if (claim?.issueId === id) return { ok: true };
    if (!claim) {
      const legacy = await findSundayIssue(deps.store, sunday);
      const owner = legacy && legacy.id !== id ? legacy.id : id;
      const written = await deps.store.claimSunday({ sunday, issueId: owner, at });
      if (written && owner === id) return { ok: true };
      continue;
    }
    const holder = await deps.store.get(claim.issueId);
    if (!isStaleClaim(claim, holder, deps.clock.now())) return { ok: false, holder: claim.issueId };
    if (await deps.store.claimSunday({ sunday, issueId: id, at }, claim)) return { ok: true };
  }
  throw new SundayClaimError(`Sunday ${sunday} kept changing hands while ${id} claimed it`);
};

export class SundayClaimError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SundayClaimError';
  }
}
