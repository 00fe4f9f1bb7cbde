import type { Campaign, CampaignCounts } from '../campaign.ts';

/** How far a campaign is: its audience (the larger of planned and counted), what is done and left, mails a second. */
export const campaignProgress = (campaign: Campaign, counts: CampaignCounts, now: Date) => {
  const end = Date.parse(campaign.finishedAt ?? '') || now.getTime();
  const seconds = Math.max(1, (end - Date.parse(campaign.startedAt)) / 1000);
  const audience = Math.max(campaign.audience, counts.audience);
  const done = counts.sent + counts.failed + counts.skipped + counts.ambiguous;
  return {
    campaign,
    counts,
    audience,
    done,
    pending: Math.max(0, audience - done),
    rate: counts.sent / seconds,
  };
};

export type CampaignProgress = ReturnType<typeof campaignProgress>;
