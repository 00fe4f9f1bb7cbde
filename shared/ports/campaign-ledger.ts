import type { CampaignId, LedgerEntry } from '../domain/campaign.ts';

/** Every recipient's entry of a campaign, for its report (sends over time, who bounced or left since). */
export type CampaignLedgerReader = { entries: (id: CampaignId) => Promise<LedgerEntry[]> };
