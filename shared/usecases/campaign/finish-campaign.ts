import type { Campaign, CampaignCounts, CampaignId } from '../../domain/campaign.ts';
import type { IssueId } from '../../domain/issue.ts';
import { type MostPlayed, mostPlayed } from '../../domain/music/most-played.ts';
import { PLATFORM_NAMES, type LinkVariant } from '../../domain/platforms.ts';
import type { AuthorNotifier } from '../../ports/author-notices.ts';
import type { CampaignStore } from '../../ports/campaign-store.ts';
import type { ClickStore } from '../../ports/click-store.ts';
import type { Clock } from '../../ports/clock.ts';
import type { IssueStore } from '../../ports/issue-store.ts';
import type { Logger } from '../../ports/logger.ts';
import type { SocialStore } from '../../ports/social-store.ts';
import { isFinalSocialState, type SocialAttempt } from '../../domain/social/social-attempt.ts';
import { SOCIAL_NETWORKS, type SocialNetwork } from '../../domain/social/networks.ts';

export type FinishDeps = {
  campaigns: CampaignStore;
  issues: IssueStore;
  author: AuthorNotifier;
  clock: Clock;
  logger: Logger;
  /** The announcements, for the report: their links, or why there is none. */
  social: Pick<SocialStore, 'list'>;
  /** The networks each issue is announced on: the report waits until each has its outcome. */
  networks: readonly SocialNetwork[];
  /**
   * How long after the last batch the report waits for the networks. Past it, the report goes with what is
   * known: a social worker that cannot run (a bad token document, a post in the DLQ) must not hold it back.
   */
  socialWaitMs: number;
  /** The email's click counts, for the report's most-played pick. */
  clicks: Pick<ClickStore, 'countsFor'>;
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
    const picks = await mostPlayedIn(campaign.issueId, deps);
    await deps.author.notify(
      reportFor({ ...campaign, finishedAt: campaign.finishedAt ?? at }, counts, social, deps.networks, picks),
    );
  } catch (error) {
    await deps.campaigns.releaseReport(id);
    throw error;
  }
  return 'reported';
};

/** This issue's pick so far, and the previous issue's after its week: the one that says what readers played. */
export type Picks = { pick?: MostPlayed; previous?: { series: number; pick: MostPlayed } };

const mostPlayedIn = async (
  issueId: IssueId,
  deps: Pick<FinishDeps, 'clicks' | 'issues'>,
): Promise<Picks> => {
  const [counts, issue] = await Promise.all([deps.clicks.countsFor(issueId), deps.issues.get(issueId)]);
  const pick = mostPlayed(counts, issue?.tracks ?? []);
  const [earlier] = issue ? await deps.issues.listBySunday({ limit: 1, before: issue.sunday }) : [];
  const previousPick =
    earlier?.status === 'sent'
      ? mostPlayed(await deps.clicks.countsFor(earlier.id), earlier.tracks)
      : undefined;
  return {
    ...(pick ? { pick } : {}),
    ...(earlier && previousPick ? { previous: { series: earlier.series, pick: previousPick } } : {}),
  };
};

export const reportFor = (
  campaign: Campaign,
  counts: CampaignCounts,
  social: SocialAttempt[],
  networks: readonly SocialNetwork[],
  { pick, previous }: Picks = {},
) => ({
  subject: `Sent: ${campaign.issueId} to ${counts.sent} of ${counts.audience} subscribers`,
  text: [
    `Campaign ${campaign.id} (issue ${campaign.issueId}, revision ${campaign.revision})`,
    `Started ${campaign.startedAt}, finished ${campaign.finishedAt ?? '(now)'}.`,
    '',
    `Audience:    ${counts.audience}`,
    `Sent:        ${counts.sent}`,
    `Failed:      ${counts.failed}`,
    `Skipped:     ${counts.skipped} (unsubscribed or suppressed after the start)`,
    `Ambiguous:   ${counts.ambiguous} (the sender stopped during the SES call: not sent again; check SES events)`,
    '',
    mostPlayedLine(pick),
    ...(previous ? [`Last issue (#${previous.series}), after its week: ${pickText(previous.pick)}`] : []),
    '',
    ...socialLines(social, networks),
  ].join('\n'),
});

/** The report goes out as the last batch ends: early clicks only, hence "yet". */
const mostPlayedLine = (pick: MostPlayed | undefined) =>
  pick ? `Most played: ${pickText(pick)}` : 'Most played: no clicks yet.';

const pickText = ({ track, clicks, platforms }: MostPlayed) => {
  const split = platforms.map((p) => `${VARIANT_NAMES[p.platform]} ${p.clicks}`).join(', ');
  return `${track.position}. ${track.artist} – ${track.title}, ${clicks} ${clicks === 1 ? 'click' : 'clicks'} (${split})`;
};

const VARIANT_NAMES: Record<LinkVariant, string> = { universal: 'song.link', ...PLATFORM_NAMES };

/** One line a network: the post's link once known, else where it stands (`GET /admin/campaigns/:id` follows it). */
const socialLines = (social: SocialAttempt[], networks: readonly SocialNetwork[]) => {
  const shown = SOCIAL_NETWORKS.filter((n) => networks.includes(n) || social.some((a) => a.network === n));
  if (shown.length === 0) return ['Social posts: none configured.'];
  const width = Math.max(...shown.map((n) => n.length)) + 2;
  return [
    'Social posts:',
    ...shown.map((network) => {
      const label = `  ${`${network}:`.padEnd(width)}`;
      const attempt = social.find((a) => a.network === network);
      if (!attempt)
        return `${label}NO OUTCOME: the social worker has not handled it (see its dead-letter queue)`;
      if (attempt.postUrl) return `${label}${attempt.postUrl}`;
      return `${label}${SOCIAL_STATE_WORDS[attempt.state]}${attempt.detail ? ` (${attempt.detail})` : ''}`;
    }),
  ];
};

const SOCIAL_STATE_WORDS: Record<SocialAttempt['state'], string> = {
  calling: 'being posted',
  waiting: 'waiting to be posted',
  uncertain: 'being checked: the network did not answer',
  published: 'posted',
  duplicate: 'already posted (the network refused a second copy)',
  unconfirmed: 'NOT CONFIRMED: check the account by hand',
  failed: 'FAILED',
  needs_reconnect: 'NOT POSTED: the account needs to be reconnected',
  skipped: 'skipped',
};
