import { campaignIdFor } from '../../domain/campaign.ts';
import type { Issue } from '../../domain/issue.ts';
import { mostPlayed } from '../../domain/music/most-played.ts';
import { campaignProgress } from '../../domain/studio/campaign-progress.ts';
import { weeklyTotals } from '../../domain/studio/weekly-totals.ts';
import type { CampaignStore } from '../../ports/campaign-store.ts';
import type { IssueStore } from '../../ports/issue-store.ts';
import type { SocialStore } from '../../ports/social-store.ts';
import { campaignReport, type ReportPorts } from './campaign-report.ts';
import { issueByNumber } from './issue-view.ts';
import { subscriberTrend, type TrendPorts } from './subscriber-trend.ts';

export type CampaignPorts = ReportPorts &
  TrendPorts & {
    issues: { get: IssueStore['get']; pageBySunday: IssueStore['pageBySunday'] };
    campaigns: { get: CampaignStore['get']; counts: CampaignStore['counts'] };
    socialAttempts: { list: SocialStore['list'] };
  };

const progressOf = async (ports: CampaignPorts, issue: Issue) => {
  const campaign = await ports.campaigns.get(campaignIdFor(issue.id));
  if (!campaign) return undefined;
  return campaignProgress(campaign, await ports.campaigns.counts(campaign.id), ports.clock.now());
};

/** Envois: the last year's issues that went out, each with its progress and most played track, and the trend. */
export const campaignList = async (ports: CampaignPorts) => {
  const issues = await ports.issues.pageBySunday({ limit: 52 });
  const all = await Promise.all(
    issues.map(async (issue) => ({ issue, progress: await progressOf(ports, issue) })),
  );
  const rows = all.flatMap(({ issue, progress }) => (progress ? [{ issue, progress }] : []));
  const picks = await Promise.all(
    rows.map(async ({ issue }) => ({
      issue,
      pick: mostPlayed(await ports.clicks.countsFor(issue.id), issue.tracks),
    })),
  );
  const trend = await subscriberTrend(ports);
  return { rows, picks, weeks: weeklyTotals(trend.confirmedAt, ports.clock.now()) };
};

/** One campaign's progress, by its issue's number; none when that issue was never sent. */
export const campaignProgressOf = async (ports: CampaignPorts, number: string) => {
  const issue = await issueByNumber(ports, number);
  return issue ? progressOf(ports, issue) : undefined;
};

/** One campaign's page: its progress, its social posts, and its report once it is done. */
export const campaignPage = async (
  ports: CampaignPorts,
  number: string,
  f: { time: (iso: string) => string },
) => {
  const issue = await issueByNumber(ports, number);
  const progress = issue ? await progressOf(ports, issue) : undefined;
  if (!issue || !progress) return undefined;
  const [report, attempts] = await Promise.all([
    progress.campaign.status === 'done' ? campaignReport(ports, issue, progress.campaign, f) : undefined,
    ports.socialAttempts.list(issue.id),
  ]);
  return { issue, progress, report, attempts };
};
