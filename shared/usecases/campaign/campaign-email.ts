import type { CampaignId } from '../../domain/campaign.ts';
import type { LinkVariant } from '../../domain/platforms.ts';
import { personaliser, type RenderedEmail } from '../../domain/rendered-email.ts';
import type { CampaignStore } from '../../ports/campaign-store.ts';
import type { IssueStore } from '../../ports/issue-store.ts';
import type { CampaignEmail } from './send-batch.ts';

type Prepared = { email: CampaignEmail; subject: string };

/**
 * One prepared body per link variant, made the first time a reader of that variant comes: at most one per
 * platform some track is on, plus the universal one. A variant the email lacks is prepared under `universal`,
 * not under its own name, so readers of platforms no track is on share one body.
 */
const personalisersByVariant = (rendered: RenderedEmail): CampaignEmail => {
  const prepared = new Map<LinkVariant, ReturnType<typeof personaliser>>();
  const known = (variant: LinkVariant): LinkVariant =>
    rendered.variants?.[variant] === undefined ? 'universal' : variant;
  return {
    personalise: (links, variant, into) => {
      const name = known(variant);
      let personalise = prepared.get(name);
      if (!personalise) {
        personalise = personaliser(rendered, name);
        prepared.set(name, personalise);
      }
      return personalise(links, into);
    },
  };
};

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
    return { email: personalisersByVariant(rendered), subject: rendered.subject };
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
