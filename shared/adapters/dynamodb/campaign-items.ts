import type { Campaign, CampaignId, LedgerEntry, SendBatch } from '../../domain/campaign.ts';
import type { SubscriberId } from '../../domain/subscriber.ts';

/** A campaign, its batches and its ledger share one partition: a campaign's whole state is one Query away. */
export const campaignKey = (id: CampaignId) => ({ pk: `CAMPAIGN#${id}`, sk: 'CAMPAIGN' });
export const batchKey = (id: CampaignId, number: number) => ({
  pk: `CAMPAIGN#${id}`,
  sk: `BATCH#${String(number).padStart(7, '0')}`,
});
export const ledgerKey = (id: CampaignId, subscriberId: SubscriberId) => ({
  pk: `CAMPAIGN#${id}`,
  sk: `TO#${subscriberId}`,
});
export const LEDGER_PREFIX = 'TO#';

export const toCampaignItem = (campaign: Campaign) => ({
  ...campaignKey(campaign.id),
  gsi1pk: 'CAMPAIGNS',
  gsi1sk: campaign.startedAt,
  kind: 'campaign',
  ...campaign,
});

export const fromCampaignItem = (item: Record<string, unknown>): Campaign => {
  const {
    pk: _pk,
    sk: _sk,
    gsi1pk: _g1,
    gsi1sk: _g2,
    kind: _kind,
    doneBatches: _done,
    dispatchHolder: _h,
    dispatchLeaseUntil: _l,
    ...campaign
  } = item;
  return campaign as Campaign;
};

export const toBatchItem = (batch: SendBatch) => ({
  ...batchKey(batch.campaignId, batch.number),
  kind: 'batch',
  ...batch,
});

export const fromBatchItem = (item: Record<string, unknown>): SendBatch => ({
  campaignId: item.campaignId as CampaignId,
  number: item.number as number,
  recipients: item.recipients as SubscriberId[],
});

export const fromLedgerItem = (item: Record<string, unknown>): LedgerEntry => {
  const { pk: _pk, sk: _sk, kind: _kind, ...entry } = item;
  return entry as LedgerEntry;
};
