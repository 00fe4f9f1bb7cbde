import type { IssueId } from '../../domain/issue.ts';
import type { HoldKind } from '../../domain/studio/issue-hold.ts';
import type { Clock } from '../../ports/clock.ts';
import type { IssueHolds } from '../../ports/issue-holds.ts';
import type { IssueStore } from '../../ports/issue-store.ts';
import { type Campaign, type CampaignId, campaignIdFor } from '../../domain/campaign.ts';

export type HoldDeps = {
  issues: IssueStore;
  holds: IssueHolds;
  campaigns: { get: (id: CampaignId) => Promise<Campaign | undefined> };
  clock: Clock;
};

export type HoldResult = { ok: true } | { ok: false; error: 'not_found' | 'already_started' | 'unchanged' };

/** Keeps an issue from its Sunday run (held, or cancelled); too late once its campaign exists. */
export const holdIssue = async (
  id: IssueId,
  kind: HoldKind,
  by: string,
  deps: HoldDeps,
): Promise<HoldResult> => {
  if (!(await deps.issues.get(id))) return { ok: false, error: 'not_found' };
  if (await deps.campaigns.get(campaignIdFor(id))) return { ok: false, error: 'already_started' };
  const at = deps.clock.now().toISOString();
  if (!(await deps.holds.hold({ issueId: id, kind, by, at }))) return { ok: false, error: 'unchanged' };
  await deps.holds.record({ issueId: id, action: kind === 'held' ? 'hold' : 'cancel', by, at });
  return { ok: true };
};

/** Gives the issue back to its Sunday. */
export const releaseIssue = async (id: IssueId, by: string, deps: HoldDeps): Promise<HoldResult> => {
  if (!(await deps.issues.get(id))) return { ok: false, error: 'not_found' };
  if (!(await deps.holds.release(id))) return { ok: false, error: 'unchanged' };
  await deps.holds.record({ issueId: id, action: 'release', by, at: deps.clock.now().toISOString() });
  return { ok: true };
};
