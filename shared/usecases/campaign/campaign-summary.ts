import type { Campaign, CampaignCounts, CampaignId } from '../../domain/campaign.ts';
import type { Issue, IssueId, Track } from '../../domain/issue.ts';
import type { ClickCount } from '../../domain/music/click-link.ts';
import { mostPlayed } from '../../domain/music/most-played.ts';
import type { SocialAttempt } from '../../domain/social/social-attempt.ts';

/** What the summary reads: one campaign, its counts, its social posts, its clicks and its issue's tracks. */
export type CampaignSummaryDeps = {
  campaigns: {
    get: (id: CampaignId) => Promise<Campaign | undefined>;
    counts: (id: CampaignId) => Promise<CampaignCounts>;
  };
  socialAttempts: { list: (issueId: IssueId) => Promise<SocialAttempt[]> };
  clicks: { countsFor: (issueId: IssueId) => Promise<ClickCount[]> };
  issues: { get: (id: IssueId) => Promise<Pick<Issue, 'tracks'> | undefined> };
};

const CAMPAIGN_ID = /^cmp_[1-9]\d{0,8}$/;

/** One campaign as the admin API shows it: its counts, each network's post, and which tracks readers played. */
export const campaignSummary = async (raw: string, deps: CampaignSummaryDeps) => {
  const campaign = CAMPAIGN_ID.test(raw) ? await deps.campaigns.get(raw as CampaignId) : undefined;
  if (!campaign) return undefined;
  const [counts, social, clicks, issue] = await Promise.all([
    deps.campaigns.counts(campaign.id),
    deps.socialAttempts.list(campaign.issueId),
    deps.clicks.countsFor(campaign.issueId),
    deps.issues.get(campaign.issueId),
  ]);
  return {
    ...campaign,
    counts,
    social: social.map(({ network, state, postUrl, detail, attempts, updatedAt }) => ({
      network,
      state,
      ...(postUrl ? { postUrl } : {}),
      ...(detail ? { detail } : {}),
      attempts,
      updatedAt,
    })),
    ...campaignClicks(clicks, issue?.tracks ?? []),
  };
};

/** Each click count named by its track, and the most-played pick. */
export const campaignClicks = (counts: readonly ClickCount[], tracks: readonly Track[]) => {
  const named = (position: number) => {
    const track = tracks.find((t) => t.position === position);
    return track ? { artist: track.artist, title: track.title } : {};
  };
  const pick = mostPlayed(counts, tracks);
  return {
    clicks: counts.map(({ position, platform, clicks }) => ({
      position,
      ...named(position),
      platform,
      clicks,
    })),
    mostPlayed: pick
      ? {
          position: pick.track.position,
          artist: pick.track.artist,
          title: pick.track.title,
          clicks: pick.clicks,
          platforms: pick.platforms,
        }
      : null,
  };
};
