import { type Campaign, type CampaignId, campaignIdFor } from '../../domain/campaign.ts';
import { localDate, sundayOnOrAfter } from '../../domain/calendar.ts';
import type { Issue, IssueId } from '../../domain/issue.ts';
import { type ActionFacts } from '../../domain/studio/issue-actions.ts';
import { issueState } from '../../domain/studio/issue-state.ts';
import type { Clock } from '../../ports/clock.ts';
import type { IssueHold } from '../../domain/studio/issue-hold.ts';

export type FactsDeps = {
  holds: { get: (id: IssueId) => Promise<IssueHold | undefined> };
  campaigns: { get: (id: CampaignId) => Promise<Campaign | undefined> };
  clock: Clock;
  timeZone: string;
};

/** Everything the action rule reads about one issue, read now: its hold, its campaign, today's coming Sunday. */
export const issueFacts = async (issue: Issue, deps: FactsDeps) => {
  const [hold, campaign] = await Promise.all([
    deps.holds.get(issue.id),
    deps.campaigns.get(campaignIdFor(issue.id)),
  ]);
  const now = deps.clock.now();
  const state = issueState(issue, hold, campaign, localDate(now, deps.timeZone));
  const facts: ActionFacts = {
    state,
    sunday: issue.sunday,
    comingSunday: sundayOnOrAfter(now, deps.timeZone),
  };
  return { hold, campaign, facts };
};
