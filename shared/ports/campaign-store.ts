import type { Campaign, CampaignCounts, CampaignId, LedgerEntry, SendBatch } from '../domain/campaign.ts';
import type { SubscriberId } from '../domain/subscriber.ts';

export type Claim = { claimed: true; token: string } | { claimed: false; entry: LedgerEntry };

/**
 * A campaign, its batches and its ledger (one entry per recipient). Every transition is one conditional
 * write, so a replayed trigger, a redelivered message or a restarted worker can never send twice.
 */
export type CampaignStore = {
  /** false when the issue already has a campaign: a second trigger is a no-op. */
  create: (campaign: Campaign) => Promise<boolean>;
  get: (id: CampaignId) => Promise<Campaign | undefined>;
  /** Campaigns not finished, newest first: not done yet, or done but not reported. */
  listUnfinished: () => Promise<Campaign[]>;
  /**
   * Takes (or renews) the right to page the audience: a second trigger while a dispatch is alive backs off; a
   * dispatch that died is taken over once its lease has run out.
   */
  leaseDispatch: (id: CampaignId, holder: string, now: number, leaseMs: number) => Promise<boolean>;
  /** Records a queued batch and the cursor after it, if the campaign is still at `afterBatches`. */
  checkpoint: (
    id: CampaignId,
    afterBatches: number,
    next: Pick<Campaign, 'cursor' | 'batches' | 'audience'>,
  ) => Promise<boolean>;
  finishDispatch: (id: CampaignId, at: string) => Promise<void>;
  /** Writes a batch once; an existing batch with this number is returned as it was. */
  putBatch: (batch: SendBatch) => Promise<SendBatch>;
  getBatch: (id: CampaignId, number: number) => Promise<SendBatch | undefined>;
  /** Idempotent; returns how many distinct batches are done. */
  markBatchDone: (id: CampaignId, number: number) => Promise<number>;
  doneBatchNumbers: (id: CampaignId) => Promise<Set<number>>;
  /** True the first time this campaign is paused: the author is told once, not at every pause of a long wait. */
  pause: (id: CampaignId, resumeAt: string) => Promise<boolean>;
  resume: (id: CampaignId) => Promise<void>;
  /** dispatched and every batch done → done, once; true for the caller that made the change. */
  complete: (id: CampaignId, at: string) => Promise<boolean>;
  /** Claims the one report; released if the report could not be sent, so a later attempt sends it. */
  markReported: (id: CampaignId, at: string) => Promise<boolean>;
  releaseReport: (id: CampaignId) => Promise<void>;

  /**
   * Takes a recipient's send, as `sending` with a lease, if nobody has: one write. A holder that dies before
   * settling leaves it `sending`, marked ambiguous once the lease runs out, never sent again.
   */
  claim: (id: CampaignId, subscriberId: SubscriberId, now: number, leaseMs: number) => Promise<Claim>;
  /** sending/claimed → a final state, only for the holder of the claim. */
  settle: (
    id: CampaignId,
    subscriberId: SubscriberId,
    token: string,
    outcome: Pick<LedgerEntry, 'state' | 'messageId' | 'detail'>,
    at: string,
  ) => Promise<boolean>;
  /** Gives an unsent claim back (throttled, paused): another attempt may take it at once. */
  release: (id: CampaignId, subscriberId: SubscriberId, token: string) => Promise<void>;
  /** A `sending` entry whose lease ran out: its SES call may have happened. */
  markAmbiguous: (id: CampaignId, subscriberId: SubscriberId, at: string) => Promise<boolean>;
  /** An ambiguous entry that an SES event shows was accepted. */
  reconcile: (id: CampaignId, subscriberId: SubscriberId, messageId: string, at: string) => Promise<boolean>;
  ledger: (id: CampaignId, subscriberId: SubscriberId) => Promise<LedgerEntry | undefined>;
  counts: (id: CampaignId) => Promise<CampaignCounts>;
};
