import { campaignIdFor } from '../../domain/campaign.ts';
import { localDate } from '../../domain/calendar.ts';
import type { Issue } from '../../domain/issue.ts';
import { issueIdOfNumber } from '../../domain/studio/issue-name.ts';
import { issueState } from '../../domain/studio/issue-state.ts';
import type { CampaignStore } from '../../ports/campaign-store.ts';
import type { Clock } from '../../ports/clock.ts';
import type { IssueHolds } from '../../ports/issue-holds.ts';
import type { IssueStore } from '../../ports/issue-store.ts';
import type { WarningStore } from '../../ports/warning-store.ts';
import { warningsOf } from '../music/issue-warnings.ts';

/** What showing one issue reads: its hold, its campaign, its warnings, and today in the newsletter's zone. */
export type IssueViewPorts = {
  holds: { get: IssueHolds['get'] };
  campaigns: { get: CampaignStore['get'] };
  warnings: WarningStore;
  clock: Clock;
  timeZone: string;
};

/** One issue as the studio pages show it: its state, hold, campaign and warnings. */
export const issueView = async (ports: IssueViewPorts, issue: Issue) => {
  const [hold, campaign, warnings] = await Promise.all([
    ports.holds.get(issue.id),
    ports.campaigns.get(campaignIdFor(issue.id)),
    warningsOf(issue, ports.warnings),
  ]);
  const today = localDate(ports.clock.now(), ports.timeZone);
  return { issue, hold, campaign, warnings, state: issueState(issue, hold, campaign, today) };
};

export type IssueView = Awaited<ReturnType<typeof issueView>>;

/** The issue an address names by its number, if there is one. */
export const issueByNumber = async (ports: { issues: { get: IssueStore['get'] } }, raw: string) => {
  const id = issueIdOfNumber(raw);
  return id ? ports.issues.get(id) : undefined;
};
