import type { CampaignStore } from '../../ports/campaign-store.ts';
import type { Logger } from '../../ports/logger.ts';
import type { SendQueue } from '../../ports/send-queue.ts';

/**
 * Puts every batch not yet done back on the queue, for campaigns a restart left unfinished (on one machine the
 * queue lives in memory). A batch queued twice is harmless: its recipients are claimed in the ledger.
 */
export const resumeCampaigns = async (deps: {
  campaigns: CampaignStore;
  queue: SendQueue;
  logger: Logger;
}) => {
  let requeued = 0;
  for (const campaign of await deps.campaigns.listUnfinished()) {
    if (!campaign.dispatched) continue; // the next trigger finishes its dispatch from the checkpoint
    const done = await deps.campaigns.doneBatchNumbers(campaign.id);
    for (let batch = 1; batch <= campaign.batches; batch += 1) {
      if (done.has(batch)) continue;
      await deps.queue.enqueue({ campaignId: campaign.id, batch });
      requeued += 1;
    }
    deps.logger.info('campaign resumed', {
      campaignId: campaign.id,
      batches: campaign.batches,
      done: done.size,
    });
  }
  return requeued;
};
