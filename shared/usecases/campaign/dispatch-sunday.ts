import { randomUUID } from 'node:crypto';
import {
  BATCH_SIZE,
  type Campaign,
  type CampaignId,
  campaignIdFor,
  type SendBatch,
} from '../../domain/campaign.ts';
import { type IssueId, issueIdFor } from '../../domain/issue.ts';
import { sundayOnOrAfter } from '../../domain/calendar.ts';
import { isPastDeadline, type SendWindow, sundayOf } from '../../domain/sunday-window.ts';
import { type AuthorNotifier, noticeIssue } from '../../ports/author-notices.ts';
import type { Clock } from '../../ports/clock.ts';
import type { IssueHold } from '../../domain/studio/issue-hold.ts';
import type { IssueStore } from '../../ports/issue-store.ts';
import type { Logger } from '../../ports/logger.ts';
import type { SendQueue } from '../../ports/send-queue.ts';
import type { SocialQueue } from '../../ports/social-queue.ts';
import type { SocialNetwork } from '../../domain/social/networks.ts';
import type { SubscriberStore } from '../../ports/subscriber-store.ts';
import { countAudience, inAudience } from './count-audience.ts';
import { findSundayIssue } from './find-sunday-issue.ts';

/** What dispatch does to a campaign: creates it, holds its paging lease, checkpoints each queued batch. */
export type DispatchCampaigns = {
  /** false when the issue already has a campaign. */
  create: (campaign: Campaign) => Promise<boolean>;
  get: (id: CampaignId) => Promise<Campaign | undefined>;
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
};

export type DispatchDeps = {
  issues: IssueStore;
  subscribers: SubscriberStore;
  campaigns: DispatchCampaigns;
  queue: SendQueue;
  social: SocialQueue;
  /** The networks the author has connected; each gets one announcement per issue. */
  networks: readonly SocialNetwork[];
  clock: Clock;
  window: SendWindow;
  author: AuthorNotifier;
  logger: Logger;
  /** The author's holds (studio): a held or cancelled issue is skipped. */
  holds: { get: (id: IssueId) => Promise<IssueHold | undefined> };
};

export type DispatchResult =
  | { kind: 'no_issue'; sunday: string }
  | { kind: 'unknown_issue'; series: number }
  | { kind: 'not_rendered' | 'too_late' | 'already_sent' | 'held'; sunday: string; issueId: string }
  | { kind: 'dry_run'; sunday: string; issueId: string; audience: number }
  | { kind: 'already_started'; campaign: Campaign }
  | { kind: 'dispatched'; campaign: Campaign };

/**
 * The Sunday trigger. One campaign per issue, created by a conditional write: a second trigger or a replayed
 * event finds it and does nothing, unless the first dispatch stopped half-way, which it then finishes from its
 * checkpoint. The audience is frozen at the start: confirmed before it, not paused, not suppressed.
 */
export type DispatchOptions = {
  dryRun?: boolean;
  /**
   * Asked for by a person (`npm run sunday -- --now`), not the schedule: the coming Sunday's issue goes out
   * now, whatever the day and the deadline, which exist to keep automation from surprising readers.
   */
  manual?: boolean;
  /**
   * This issue, not the coming Sunday's (`npm run sunday -- --now --issue 34`, the studio's "send now"): a
   * person's choice too, so it implies `manual`. Still one campaign per issue: a second run finds it.
   */
  series?: number;
};

export const dispatchSunday = async (
  deps: DispatchDeps,
  options: DispatchOptions = {},
): Promise<DispatchResult> => {
  const now = deps.clock.now();
  const chosen = options.series === undefined ? undefined : await deps.issues.get(issueIdFor(options.series));
  if (options.series !== undefined && !chosen) return { kind: 'unknown_issue', series: options.series };
  const manual = options.manual === true || chosen !== undefined;
  const sunday =
    chosen?.sunday ??
    (manual ? sundayOnOrAfter(now, deps.window.timeZone) : sundayOf(now, deps.window.timeZone));
  const issue = chosen ?? (await findSundayIssue(deps.issues, sunday));
  if (!issue) {
    deps.logger.info('no issue for this Sunday', { sunday });
    return { kind: 'no_issue', sunday };
  }
  const id = campaignIdFor(issue.id);
  const existing = await deps.campaigns.get(id);
  if (existing?.dispatched) return { kind: 'already_started', campaign: existing };
  if (!existing && issue.status === 'sent') return { kind: 'already_sent', sunday, issueId: issue.id };
  // Her own decision, so no notice: the studio shows it held. A campaign already started is not stopped by it.
  if (!existing && (await deps.holds.get(issue.id))) {
    deps.logger.info('issue held: not sent', { issueId: issue.id, sunday });
    return { kind: 'held', sunday, issueId: issue.id };
  }
  if (!existing && !manual && isPastDeadline(now, sunday, deps.window)) {
    if (!options.dryRun)
      await deps.author.notify({
        kind: 'too_late',
        issue: noticeIssue(issue),
        deadline: deps.window.deadline,
      });
    return { kind: 'too_late', sunday, issueId: issue.id };
  }
  if (issue.renderedRevision === undefined) {
    if (!options.dryRun) await deps.author.notify({ kind: 'not_rendered', issue: noticeIssue(issue) });
    return { kind: 'not_rendered', sunday, issueId: issue.id };
  }
  if (options.dryRun)
    return {
      kind: 'dry_run',
      sunday,
      issueId: issue.id,
      audience: await countAudience(deps.subscribers, now),
    };

  const fresh: Campaign = {
    id,
    issueId: issue.id,
    revision: issue.renderedRevision,
    status: 'dispatching',
    startedAt: now.toISOString(),
    batches: 0,
    audience: 0,
    dispatched: false,
  };
  const created = await deps.campaigns.create(fresh);
  if (created) await deps.issues.setStatus(issue.id, 'rendered', 'sending', now.toISOString());
  const holder = randomUUID();
  const lease = () => deps.campaigns.leaseDispatch(id, holder, deps.clock.now().getTime(), DISPATCH_LEASE_MS);
  if (!(await lease()))
    return { kind: 'already_started', campaign: (await deps.campaigns.get(id)) as Campaign };
  const campaign = created ? fresh : ((await deps.campaigns.get(id)) as Campaign);
  // A second request that read no campaign before the first made it, and got the lease once the first was done.
  if (campaign.dispatched) return { kind: 'already_started', campaign };
  deps.logger.info(created ? 'campaign started' : 'campaign dispatch resumed', {
    campaignId: id,
    issueId: issue.id,
  });
  return pageAudience(deps, campaign, lease);
};

/** A dispatch that makes no progress for this long is taken to be dead. */
export const DISPATCH_LEASE_MS = 60_000;

const pageAudience = async (
  deps: DispatchDeps,
  start: Campaign,
  renewLease: () => Promise<boolean>,
): Promise<DispatchResult> => {
  let { cursor, batches, audience } = start;
  const frozenAt = start.startedAt;
  do {
    if (!(await renewLease()))
      return { kind: 'already_started', campaign: (await deps.campaigns.get(start.id)) as Campaign };
    const page = await deps.subscribers.listByStatus('confirmed', {
      limit: BATCH_SIZE,
      ...(cursor ? { cursor } : {}),
    });
    const recipients = page.items.filter((s) => inAudience(s, frozenAt)).map((s) => s.id);
    if (recipients.length > 0) {
      const number = batches + 1;
      // Written once: after a crash the same cursor gives the same page, and the batch already there is reused.
      const batch = await deps.campaigns.putBatch({ campaignId: start.id, number, recipients });
      await deps.queue.enqueue({ campaignId: start.id, batch: number });
      const saved = await deps.campaigns.checkpoint(start.id, batches, {
        batches: number,
        audience: audience + batch.recipients.length,
        ...(page.cursor ? { cursor: page.cursor } : {}),
      });
      if (!saved)
        return { kind: 'already_started', campaign: (await deps.campaigns.get(start.id)) as Campaign };
      batches = number;
      audience += batch.recipients.length;
    }
    cursor = page.cursor;
  } while (cursor);
  // Before the dispatch is marked finished: a crash here queues them again, never loses them.
  for (const network of deps.networks) await deps.social.enqueue({ issueId: start.issueId, network });
  await deps.campaigns.finishDispatch(start.id, deps.clock.now().toISOString());
  const campaign = (await deps.campaigns.get(start.id)) as Campaign;
  deps.logger.info('campaign dispatched', { campaignId: start.id, batches, audience });
  return { kind: 'dispatched', campaign };
};
