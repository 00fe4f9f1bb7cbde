import type { CampaignProgress } from '../../domain/studio/campaign-progress.ts';
import type { Formatter } from '../../i18n/studio/format.ts';
import type { StudioStrings } from '../../i18n/studio/studio-strings.ts';

/** The live figures the page's script polls for, already in her words. */
export const progressJson = (progress: CampaignProgress, t: StudioStrings, f: Formatter) => {
  const { counts, campaign, audience, done, pending, rate } = progress;
  return {
    status: campaign.status,
    audience,
    done,
    text: {
      audience: f.number(audience),
      sent: f.number(counts.sent),
      failed: f.number(counts.failed),
      pending: f.number(pending),
      rate: t.campaigns.perSecond(f.decimal(rate)),
      status: t.campaigns.status[campaign.status],
    },
  };
};
