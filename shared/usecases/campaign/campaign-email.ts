import type { CampaignId } from '../../domain/campaign.ts';
import { personaliser } from '../../domain/rendered-email.ts';
import type { CampaignStore } from '../../ports/campaign-store.ts';
import type { IssueStore } from '../../ports/issue-store.ts';
import type { CampaignEmail } from './send-batch.ts';

type Prepared = { email: CampaignEmail; subject: string };

/**
 * The campaign's email, fetched and split at its placeholders once per sender instance: every recipient
 * after the first costs a byte copy, never a render nor a read of the render.
 */
export const campaignEmails = ({ campaigns, issues }: { campaigns: CampaignStore; issues: IssueStore }) => {
  const cache = new Map<CampaignId, Promise<Prepared>>();
  const prepare = async (id: CampaignId): Promise<Prepared> => {
    const campaign = await campaigns.get(id);
    if (!campaign) throw new Error(`campaign ${id} does not exist`);
    const rendered = await issues.getRender(campaign.issueId, campaign.revision);
    if (!rendered) throw new Error(`render r${campaign.revision} of ${campaign.issueId} is missing`);
    return { email: { personalise: personaliser(rendered) }, subject: rendered.subject };
  };
  const load = (id: CampaignId) => {
    let prepared = cache.get(id);
    if (!prepared) {
      prepared = prepare(id);
      prepared.catch(() => cache.delete(id));
      cache.set(id, prepared);
    }
    return prepared;
  };
  return {
    emailFor: async (id: CampaignId) => (await load(id)).email,
    subjectOf: async (id: CampaignId) => (await load(id)).subject,
  };
};
