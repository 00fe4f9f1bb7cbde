import type { Campaign, CampaignId } from '../../domain/campaign.ts';
import type { IssueId } from '../../domain/issue.ts';
import type { LinkVariant } from '../../domain/platforms.ts';
import { emailIn, personaliser, type RenderedIssue } from '../../domain/rendered-email.ts';
import type { CampaignEmail } from './send-batch.ts';
import { MissingRecordError } from '../../domain/missing-record.ts';

/**
 * One prepared body per language and link variant, made the first time a reader of that pair comes: at most
 * the reader languages times (one per platform some track is on, plus the universal one). A language the
 * render lacks is prepared as the issue's, a variant the email lacks as `universal`, under those names, so
 * the readers who fall back share one body.
 */
const personalisersOf = (rendered: RenderedIssue): CampaignEmail => {
  const prepared = new Map<string, ReturnType<typeof personaliser>>();
  return {
    personalise: (links, { language, variant }, into) => {
      const email = emailIn(rendered, language);
      const known: LinkVariant = email.variants?.[variant] === undefined ? 'universal' : variant;
      const key = `${email.language}/${known}`;
      let personalise = prepared.get(key);
      if (!personalise) {
        personalise = personaliser(email, known);
        prepared.set(key, personalise);
      }
      return personalise(links, into);
    },
  };
};

/**
 * The campaign's render, fetched and split at its slots once per sender instance: every reader after the
 * first of their language and variant costs a byte copy, never a render nor a read of the render.
 */
export const campaignEmails = ({
  campaigns,
  issues,
}: {
  campaigns: { get: (id: CampaignId) => Promise<Campaign | undefined> };
  issues: { getRender: (id: IssueId, revision: number) => Promise<RenderedIssue | undefined> };
}) => {
  const cache = new Map<CampaignId, Promise<CampaignEmail>>();
  const prepare = async (id: CampaignId): Promise<CampaignEmail> => {
    const campaign = await campaigns.get(id);
    if (!campaign) throw new MissingRecordError(`campaign ${id} does not exist`);
    const rendered = await issues.getRender(campaign.issueId, campaign.revision);
    if (!rendered)
      throw new MissingRecordError(`render r${campaign.revision} of ${campaign.issueId} is missing`);
    return personalisersOf(rendered);
  };
  return {
    emailFor: (id: CampaignId): Promise<CampaignEmail> => {
      let prepared = cache.get(id);
      if (!prepared) {
        prepared = prepare(id);
        prepared.catch(() => cache.delete(id));
        cache.set(id, prepared);
      }
      return prepared;
    },
  };
};
