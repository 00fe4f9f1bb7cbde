import type { CampaignId } from '../domain/campaign.ts';

export type SendBatchMessage = { campaignId: CampaignId; batch: number };

/** Where dispatch puts batches for the senders: SQS on AWS, an in-process queue with SQS semantics locally. */
export type SendQueue = {
  enqueue: (message: SendBatchMessage, options?: { delaySeconds?: number }) => Promise<void>;
};
