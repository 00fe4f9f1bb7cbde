import type { IssueId } from './issue.ts';
import type { SubscriberId } from './subscriber.ts';

export type CampaignId = `cmp_${number}`;

/**
 * dispatching: the audience is being paged into batches; sending: every batch is queued;
 * paused: SES's daily quota ran out, sends resume after `resumeAt`; done: every batch has been worked.
 */
export type CampaignStatus = 'dispatching' | 'sending' | 'paused' | 'done';

export type Campaign = {
  id: CampaignId;
  issueId: IssueId;
  /** The rendered revision that goes out: later revisions are refused once a campaign exists. */
  revision: number;
  status: CampaignStatus;
  /** Only subscribers confirmed at or before this instant belong to the audience. */
  startedAt: string;
  finishedAt?: string;
  /** Where dispatch resumes after a crash: the audience cursor after the last queued batch. */
  cursor?: string;
  batches: number;
  audience: number;
  dispatched: boolean;
  resumeAt?: string;
  /** Set by the first pause (SES's daily quota): when it was to resume. The report says so. */
  firstResumeAt?: string;
  reportedAt?: string;
};

export type SendBatch = { campaignId: CampaignId; number: number; recipients: SubscriberId[] };

/**
 * One recipient's send, claimed before anything is sent:
 * claimed (lease) → sending (the SES call may have gone out) → sent | failed | ambiguous; skipped when the
 * subscriber left or was suppressed after the audience was frozen.
 */
export type LedgerState = 'claimed' | 'sending' | 'sent' | 'failed' | 'ambiguous' | 'skipped';

export type LedgerEntry = {
  campaignId: CampaignId;
  subscriberId: SubscriberId;
  state: LedgerState;
  claimToken?: string;
  leaseUntil?: number;
  messageId?: string;
  detail?: string;
  updatedAt: string;
};

export type CampaignCounts = { audience: number } & Record<LedgerState | 'pending', number>;

export const campaignIdFor = (issueId: IssueId): CampaignId => `cmp_${Number(issueId.slice('iss_'.length))}`;

export const issueIdOfCampaign = (id: CampaignId): IssueId => `iss_${Number(id.slice('cmp_'.length))}`;

/** At most this many recipients per queue message: one Lambda invocation's worth of sends. */
export const BATCH_SIZE = 50;
