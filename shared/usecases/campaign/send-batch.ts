import type { Campaign, CampaignId, LedgerEntry, SendBatch } from '../../domain/campaign.ts';
import type { Claim } from '../../ports/campaign-store.ts';
import type { Language } from '../../domain/issue.ts';
import {
  type BodyBuffer,
  type Personalisation,
  type PersonalisedBodies,
  reusedBodyBuffer,
} from '../../domain/rendered-email.ts';
import { receivesIssues, type Subscriber, type SubscriberId } from '../../domain/subscriber.ts';
import { type LinkVariant, variantFor } from '../../domain/platforms.ts';
import { noticeIssue } from '../../ports/author-notices.ts';
import type { Mailer, OutgoingMail, SendOutcome } from '../../ports/mailer.ts';
import type { SendBatchMessage } from '../../ports/send-queue.ts';
import type { SubscriberStore } from '../../ports/subscriber-store.ts';
import { type FinishCampaigns, type FinishDeps, finishIfDone } from './finish-campaign.ts';
import { MissingRecordError } from '../../domain/missing-record.ts';

/** Which of the campaign's bodies a reader gets: the chrome in their language, their platform's links. */
export type ReaderEdition = { language: Language; variant: LinkVariant };

export type CampaignEmail = {
  /** One reader's bodies in their edition, written into `into` (valid until its next take). */
  personalise: (links: Personalisation, edition: ReaderEdition, into: BodyBuffer) => PersonalisedBodies;
};

/**
 * What a sender does to its campaign: reads its batch, claims and settles each recipient in the ledger, pauses
 * and resumes on SES's quota, marks the batch done, and finishes the campaign after its last batch.
 */
export type SendBatchCampaigns = FinishCampaigns & {
  getBatch: (id: CampaignId, number: number) => Promise<SendBatch | undefined>;
  /** Idempotent; returns how many distinct batches are done. */
  markBatchDone: (id: CampaignId, number: number) => Promise<number>;
  /** True the first time this campaign is paused: the author is told once. */
  pause: (id: CampaignId, resumeAt: string) => Promise<boolean>;
  resume: (id: CampaignId) => Promise<void>;
  /** Takes a recipient's send, as `sending` with a lease, if nobody has. */
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
};

export type SendBatchDeps = Omit<FinishDeps, 'campaigns'> & {
  campaigns: SendBatchCampaigns;
  subscribers: SubscriberStore;
  mailer: Mailer;
  /** The campaign's email, prepared once per campaign (render fetched, split at its slots). */
  emailFor: (campaignId: CampaignId) => Promise<CampaignEmail>;
  linksFor: (subscriber: Subscriber) => Promise<Personalisation>;
  envelope: (
    subscriber: Subscriber,
    links: Personalisation,
  ) => Omit<OutgoingMail, 'html' | 'text' | 'subject'>;
  /** How long a claim is held: at least the longest a send (with its pacing) can take. */
  leaseMs: number;
  /** After SES's daily quota runs out, how long the campaign pauses before trying again. */
  quotaPauseMs: number;
  throttleRetries: number;
  sleep: (ms: number) => Promise<void>;
};

/**
 * `requeue`: the batch is fine but must wait (a paused campaign): put it back as a new, delayed message rather
 * than failing it, so a long pause does not use up the message's receives and land it in the dead-letter queue.
 */
export type BatchResult =
  { ok: true } | { ok: false; retryAfterMs: number; reason: string; requeue?: boolean };

/** One queue message: every recipient of one batch, each claimed in the ledger before anything is sent. */
export const sendBatch = async (
  { campaignId, batch: number }: SendBatchMessage,
  deps: SendBatchDeps,
): Promise<BatchResult> => {
  const [campaign, batch] = await Promise.all([
    deps.campaigns.get(campaignId),
    deps.campaigns.getBatch(campaignId, number),
  ]);
  if (!campaign) return { ok: true };
  // A batch put back to wait for the social outcomes (below), or a late redelivery: report if it is time.
  if (campaign.status === 'done') return campaign.reportedAt ? { ok: true } : report(campaignId, deps);
  const now = deps.clock.now();
  if (campaign.status === 'paused') {
    const wait = Date.parse(campaign.resumeAt ?? '') - now.getTime();
    if (wait > 0) return { ok: false, retryAfterMs: wait, reason: 'paused', requeue: true };
    await deps.campaigns.resume(campaignId);
  }
  if (!batch) throw new MissingRecordError(`batch ${number} of ${campaignId} is missing`);

  let unsettled = 0;
  // A sent mail's ledger write runs while the next recipient is prepared; all are awaited before the batch is done.
  const settling: Promise<unknown>[] = [];
  const background = (write: Promise<unknown>) => settling.push(write.catch((error: unknown) => error));
  // Each reader's bodies are written over the previous reader's: a mail is sent (retries included) before
  // the next is made, and nothing keeps its bodies once sent.
  const bodyBuffer = reusedBodyBuffer();
  for (const subscriberId of batch.recipients) {
    // The previous mail's settle overlaps this recipient's read, not its claim: a sender that dies holds at
    // most one unsettled `sending` entry, so ambiguous sends stay within the number of senders.
    const previous = settling.at(-1) ?? Promise.resolve();
    const result = await sendOne(campaignId, subscriberId, deps, background, previous, bodyBuffer);
    if (result === 'quota') {
      const resumeAt = new Date(deps.clock.now().getTime() + deps.quotaPauseMs).toISOString();
      const first = await deps.campaigns.pause(campaignId, resumeAt);
      deps.logger.warn('daily quota reached: campaign paused', { campaignId });
      if (first) await tellPaused(campaign, resumeAt, deps);
      return { ok: false, retryAfterMs: deps.quotaPauseMs, reason: 'daily quota', requeue: true };
    }
    if (result === 'unsettled') unsettled += 1;
  }
  const failed = (await Promise.all(settling)).find((outcome) => outcome instanceof Error);
  if (failed) throw failed;
  if (unsettled > 0)
    return { ok: false, retryAfterMs: deps.leaseMs, reason: `${unsettled} recipients not settled` };

  const done = await deps.campaigns.markBatchDone(campaignId, number);
  // Only the batch that completes the set (or one that ran while dispatch was still paging) can finish it.
  if (!campaign.dispatched || done >= campaign.batches) return report(campaignId, deps);
  return { ok: true };
};

/** The last batch reports, or comes back once the networks have had time to post. */
const report = async (campaignId: CampaignId, deps: SendBatchDeps): Promise<BatchResult> =>
  (await finishIfDone(campaignId, deps)) === 'waiting'
    ? {
        ok: false,
        retryAfterMs: Math.min(deps.socialWaitMs, 60_000),
        reason: 'the report waits for the social posts',
        requeue: true,
      }
    : { ok: true };

type OneResult = 'settled' | 'unsettled' | 'quota';

const sendOne = async (
  campaignId: CampaignId,
  subscriberId: Subscriber['id'],
  deps: SendBatchDeps,
  background: (write: Promise<unknown>) => void,
  previous: Promise<unknown>,
  bodyBuffer: BodyBuffer,
): Promise<OneResult> => {
  // Read alongside the claim: either way the status is read when this recipient's turn comes, so an
  // unsubscribe committed before then stops this mail.
  const [claim, subscriber] = await Promise.all([
    previous.then(() =>
      deps.campaigns.claim(campaignId, subscriberId, deps.clock.now().getTime(), deps.leaseMs),
    ),
    deps.subscribers.get(subscriberId),
  ]);
  if (!claim.claimed) return settleOthers(campaignId, claim.entry, deps);
  const at = () => deps.clock.now().toISOString();
  const settle = (outcome: Pick<LedgerEntry, 'state' | 'messageId' | 'detail'>) =>
    deps.campaigns.settle(campaignId, subscriberId, claim.token, outcome, at());

  if (!subscriber || !receivesIssues(subscriber)) {
    await settle({ state: 'skipped', detail: subscriber ? subscriber.status : 'gone' });
    return 'settled';
  }
  const links = await deps.linksFor(subscriber);
  const bodies = (await deps.emailFor(campaignId)).personalise(
    links,
    { language: subscriber.language, variant: variantFor(subscriber.preferences.platform) },
    bodyBuffer,
  );
  const mail: OutgoingMail = {
    ...deps.envelope(subscriber, links),
    subject: bodies.subject,
    html: bodies.html,
    text: bodies.text,
    // SES hands these back with its events, to reconcile an ambiguous send and find a bouncing reader.
    tags: { campaign: campaignId, subscriber: subscriber.id },
  };

  for (let attempt = 0; ; attempt += 1) {
    const outcome: SendOutcome = await deps.mailer.send(mail);
    switch (outcome.kind) {
      case 'sent':
        background(settle({ state: 'sent', messageId: outcome.messageId }));
        return 'settled';
      case 'rejected':
        await settle({ state: 'failed', detail: outcome.detail });
        return 'settled';
      case 'unknown':
        // It may have gone out: never sent again, reported, reconciled from SES events where possible.
        await settle({ state: 'ambiguous', detail: outcome.detail });
        return 'settled';
      case 'quota_exceeded':
        await deps.campaigns.release(campaignId, subscriberId, claim.token);
        return 'quota';
      case 'throttled':
        if (attempt >= deps.throttleRetries) {
          await deps.campaigns.release(campaignId, subscriberId, claim.token);
          return 'unsettled';
        }
        await deps.sleep(backoffMs(attempt));
    }
  }
};

/** Full jitter, capped: throttled workers spread out instead of retrying in step. */
const backoffMs = (attempt: number) => Math.floor(Math.random() * Math.min(2_000, 100 * 2 ** attempt));

/** Someone else holds this recipient: done, still being worked, or abandoned during its SES call. */
const settleOthers = async (
  campaignId: CampaignId,
  entry: LedgerEntry,
  deps: SendBatchDeps,
): Promise<OneResult> => {
  if (!['claimed', 'sending'].includes(entry.state)) return 'settled';
  if (entry.state === 'sending' && (entry.leaseUntil ?? 0) < deps.clock.now().getTime()) {
    await deps.campaigns.markAmbiguous(campaignId, entry.subscriberId, deps.clock.now().toISOString());
    return 'settled';
  }
  return 'unsettled';
};

/** Best effort: the campaign goes on by itself; the notice only spares her wondering why it stopped. */
const tellPaused = async (campaign: Campaign, resumeAt: string, deps: SendBatchDeps) => {
  try {
    const [issue, counts] = await Promise.all([
      deps.issues.get(campaign.issueId),
      deps.campaigns.counts(campaign.id),
    ]);
    if (issue)
      await deps.author.notify({ kind: 'quota_paused', issue: noticeIssue(issue), resumeAt, counts });
  } catch (error) {
    deps.logger.error('author notice failed', { notice: 'quota_paused', campaignId: campaign.id, error });
  }
};
