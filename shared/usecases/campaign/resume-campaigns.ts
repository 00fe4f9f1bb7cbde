import type { IssueId } from '../../domain/issue.ts';
import { isFinalSocialState, type SocialAttempt } from '../../domain/social/social-attempt.ts';
import type { SocialNetwork } from '../../domain/social/networks.ts';
import type { Campaign, CampaignId } from '../../domain/campaign.ts';
import type { Logger } from '../../ports/logger.ts';
import type { SendQueue } from '../../ports/send-queue.ts';
import type { SocialQueue } from '../../ports/social-queue.ts';

/** What a restart reads of the campaigns: those not finished, and which of their batches are done. */
export type ResumeCampaigns = {
  /** Not done yet, or done but not reported. */
  listUnfinished: () => Promise<Campaign[]>;
  doneBatchNumbers: (id: CampaignId) => Promise<Set<number>>;
};

/**
 * Puts back on the queues what a restart lost, for campaigns not finished (on one machine the queues live in
 * memory): every batch not yet done, and each network's announcement that has no outcome yet. A message
 * queued twice is harmless: recipients are claimed in the ledger, announcements recorded before each call.
 */
export const resumeCampaigns = async (deps: {
  campaigns: ResumeCampaigns;
  queue: SendQueue;
  logger: Logger;
  /** The networks each issue is announced on, and where their attempts are recorded. */
  social?: {
    queue: SocialQueue;
    attempts: { list: (issueId: IssueId) => Promise<SocialAttempt[]> };
    networks: readonly SocialNetwork[];
  };
}) => {
  let requeued = 0;
  for (const campaign of await deps.campaigns.listUnfinished()) {
    // The batches written so far, dispatch finished or not: a dispatch taken over resumes after its
    // checkpoint and never queues those again.
    const done = await deps.campaigns.doneBatchNumbers(campaign.id);
    for (let batch = 1; batch <= campaign.batches; batch += 1) {
      if (done.has(batch)) continue;
      await deps.queue.enqueue({ campaignId: campaign.id, batch });
      requeued += 1;
    }
    if (!campaign.dispatched) continue; // its dispatch, taken over, queues the rest and the announcements
    // Every batch done, the campaign not reported: a crash came before the last batch's sender reported (or
    // while it waited for the networks). Sent again, that batch claims nobody and finishes the campaign.
    if (done.size >= campaign.batches && campaign.batches > 0) {
      await deps.queue.enqueue({ campaignId: campaign.id, batch: campaign.batches });
      requeued += 1;
    }
    if (deps.social) {
      const attempts = await deps.social.attempts.list(campaign.issueId);
      for (const network of deps.social.networks) {
        if (attempts.some((a) => a.network === network && isFinalSocialState(a.state))) continue;
        await deps.social.queue.enqueue({ issueId: campaign.issueId, network });
      }
    }
    deps.logger.info('campaign resumed', {
      campaignId: campaign.id,
      batches: campaign.batches,
      done: done.size,
    });
  }
  return requeued;
};
