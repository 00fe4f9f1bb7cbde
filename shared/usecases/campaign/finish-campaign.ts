import type { Campaign, CampaignCounts, CampaignId } from '../../domain/campaign.ts';
import type { Issue, IssueId } from '../../domain/issue.ts';
import { type MostPlayed, mostPlayed } from '../../domain/music/most-played.ts';
import { type AuthorNotice, type AuthorNotifier, noticeIssue } from '../../ports/author-notices.ts';
import type { ClickCount } from '../../domain/music/click-link.ts';
import type { Clock } from '../../ports/clock.ts';
import type { IssueStore } from '../../ports/issue-store.ts';
import type { Logger } from '../../ports/logger.ts';
import { isFinalSocialState, type SocialAttempt } from '../../domain/social/social-attempt.ts';
import { SOCIAL_NETWORKS, type SocialNetwork } from '../../domain/social/networks.ts';
import { MissingRecordError } from '../../domain/missing-record.ts';

/** What finishing a campaign reads and changes: its state, its counts, and the one report's claim. */
export type FinishCampaigns = {
  get: (id: CampaignId) => Promise<Campaign | undefined>;
  counts: (id: CampaignId) => Promise<CampaignCounts>;
  /** dispatched and every batch done → done, once; true for the caller that made the change. */
  complete: (id: CampaignId, at: string) => Promise<boolean>;
  /** Claims the one report; released if the report could not be sent, so a later attempt sends it. */
  markReported: (id: CampaignId, at: string) => Promise<boolean>;
  releaseReport: (id: CampaignId) => Promise<void>;
};

export type FinishDeps = {
  campaigns: FinishCampaigns;
  issues: IssueStore;
  author: AuthorNotifier;
  clock: Clock;
  logger: Logger;
  /** The announcements, for the report: their links, or why there is none. */
  social: { list: (issueId: IssueId) => Promise<SocialAttempt[]> };
  /** The networks each issue is announced on: the report waits until each has its outcome. */
  networks: readonly SocialNetwork[];
  /**
   * How long after the last batch the report waits for the networks. Past it, the report goes with what is
   * known: a social worker that cannot run (a bad token document, a post in the DLQ) must not hold it back.
   */
  socialWaitMs: number;
  /** The email's click counts, for the report's most-played pick. */
  clicks: { countsFor: (issueId: IssueId) => Promise<ClickCount[]> };
};

/** `waiting`: done, but some network has no outcome yet; ask again later (the sender requeues its batch). */
export type FinishResult = 'not_done' | 'waiting' | 'reported';

/**
 * Marks the campaign done once every batch is done (one caller wins the conditional write), then reports to
 * the author once, when every network's announcement has its outcome too, so the report carries the links.
 * Called by the sender after each batch and by the social worker after each outcome: whichever comes last
 * reports. Safe to call again after a crash between the steps.
 */
export const finishIfDone = async (id: CampaignId, deps: FinishDeps): Promise<FinishResult> => {
  const now = deps.clock.now();
  const at = now.toISOString();
  await deps.campaigns.complete(id, at);
  const campaign = await deps.campaigns.get(id);
  if (campaign?.status !== 'done') return 'not_done';
  if (campaign.reportedAt) return 'reported';
  await deps.issues.setStatus(campaign.issueId, 'sending', 'sent', at);
  const social = await deps.social.list(campaign.issueId);
  const settled = deps.networks.every((network) =>
    social.some((a) => a.network === network && isFinalSocialState(a.state)),
  );
  const waitedEnough = now.getTime() - Date.parse(campaign.finishedAt ?? at) >= deps.socialWaitMs;
  if (!settled && !waitedEnough) return 'waiting';
  if (!(await deps.campaigns.markReported(id, at))) return 'reported';
  const counts = await deps.campaigns.counts(id);
  deps.logger.info('campaign done', { campaignId: id, ...counts });
  try {
    const issue = await deps.issues.get(campaign.issueId);
    if (!issue)
      throw new MissingRecordError(`campaign ${id} reports on an unknown issue ${campaign.issueId}`);
    const picks = await mostPlayedIn(issue, deps);
    await deps.author.notify(
      reportFor(
        { ...campaign, finishedAt: campaign.finishedAt ?? at },
        issue,
        counts,
        social,
        deps.networks,
        picks,
      ),
    );
  } catch (error) {
    await deps.campaigns.releaseReport(id);
    throw error;
  }
  return 'reported';
};

/** This issue's pick so far, and the previous issue's after its week: the one that says what readers played. */
export type Picks = { pick?: MostPlayed; previous?: { series: number; pick: MostPlayed } };

const mostPlayedIn = async (issue: Issue, deps: Pick<FinishDeps, 'clicks' | 'issues'>): Promise<Picks> => {
  const pick = mostPlayed(await deps.clicks.countsFor(issue.id), issue.tracks);
  const [earlier] = await deps.issues.listBySunday({ limit: 1, before: issue.sunday });
  const previousPick =
    earlier?.status === 'sent'
      ? mostPlayed(await deps.clicks.countsFor(earlier.id), earlier.tracks)
      : undefined;
  return {
    ...(pick ? { pick } : {}),
    ...(earlier && previousPick ? { previous: { series: earlier.series, pick: previousPick } } : {}),
  };
};

/** The report as facts: one line a network shown (connected, or with an attempt), in the author's order. */
export const reportFor = (
  campaign: Campaign & { finishedAt: string },
  issue: Issue,
  counts: CampaignCounts,
  social: SocialAttempt[],
  networks: readonly SocialNetwork[],
  { pick, previous }: Picks = {},
): AuthorNotice => ({
  kind: 'campaign_report',
  issue: noticeIssue(issue),
  startedAt: campaign.startedAt,
  finishedAt: campaign.finishedAt,
  counts,
  posts: SOCIAL_NETWORKS.filter((n) => networks.includes(n) || social.some((a) => a.network === n)).map(
    (network) => {
      const attempt = social.find((a) => a.network === network);
      return attempt
        ? {
            network,
            attempt: {
              state: attempt.state,
              ...(attempt.postUrl ? { postUrl: attempt.postUrl } : {}),
              ...(attempt.detail ? { detail: attempt.detail } : {}),
            },
          }
        : { network };
    },
  ),
  ...(pick ? { pick } : {}),
  ...(previous ? { previous } : {}),
  ...(campaign.firstResumeAt ? { pausedUntil: campaign.firstResumeAt } : {}),
});
