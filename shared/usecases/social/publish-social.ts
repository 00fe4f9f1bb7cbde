import type { Issue, IssueId } from '../../domain/issue.ts';
import type { SocialNetwork } from '../../domain/social/networks.ts';
import { isFinalSocialState, type SocialAttempt } from '../../domain/social/social-attempt.ts';
import type { ComposedPost } from '../../domain/social/social-post.ts';
import { type AuthorNotice, type AuthorNotifier, noticeIssue } from '../../ports/author-notices.ts';
import type { Clock } from '../../ports/clock.ts';
import type { IssueStore } from '../../ports/issue-store.ts';
import type { Logger } from '../../ports/logger.ts';
import type { PublishedPost, SocialPublisher } from '../../ports/social-publisher.ts';
import type { SocialMessage } from '../../ports/social-queue.ts';
import type { SocialStore } from '../../ports/social-store.ts';
import { MissingRecordError } from '../../domain/missing-record.ts';

/** An enabled account: its publisher, and what the worker must know of its credentials. */
export type SocialAccount = {
  publisher: SocialPublisher;
  /** Changes when the credentials change: a refused account is blocked until then. */
  fingerprint: string;
  /** When the token stops working, for networks whose tokens expire (ISO 8601). */
  expiresAt?: string;
  /**
   * The network refused the token (401, Meta's code 190): `retry` once it was refreshed (or is being), or
   * `to_reconnect` when it cannot be (she got her one mail). Absent: nothing renews this account.
   */
  renew?: () => Promise<'retry' | 'to_reconnect'>;
};

export type UnavailableAccount = { detail: string; retryAfterMs?: number };

export type PublishSocialDeps = {
  issues: IssueStore;
  social: SocialStore;
  accounts: Partial<Record<SocialNetwork, SocialAccount>>;
  /**
   * Why an enabled network has no account now, in her words (the report shows it): skipped, or asked again
   * after `retryAfterMs` when it may come back by itself (a refresh under way elsewhere, a network down).
   */
  unavailable?: Partial<Record<SocialNetwork, UnavailableAccount>>;
  compose: (issue: Issue, network: SocialNetwork) => ComposedPost;
  author: AuthorNotifier;
  clock: Clock;
  logger: Logger;
  /** How long a publish call may take before another worker may reconcile it: longer than any call. */
  leaseMs: number;
  /** How long to wait before looking for a post whose call ended without an answer. */
  reconcileAfterMs?: number;
  /** Publish calls that never reached the network before giving up. */
  maxAttempts?: number;
  /** Called once this network has its outcome: the campaign report waits for every network's. */
  settled?: (issueId: IssueId) => Promise<unknown>;
};

/** `requeue`: wait as a new delayed message, so a long rate-limit wait uses none of the message's receives. */
export type SocialResult =
  { ok: true } | { ok: false; retryAfterMs: number; reason: string; requeue?: boolean };

const DONE: SocialResult = { ok: true };

/**
 * One queue message: announce one issue on one network, at most once. The attempt is recorded before the
 * call; a call whose outcome is unknown is reconciled against the account's recent posts, and repeated only
 * on networks where a repeat with the same key cannot make a second post.
 */
export const publishSocial = async (
  message: SocialMessage,
  deps: PublishSocialDeps,
): Promise<SocialResult> => {
  const result = await publishOnce(message, deps);
  if (result.ok) await deps.settled?.(message.issueId);
  return result;
};

const publishOnce = async (
  { issueId, network }: SocialMessage,
  deps: PublishSocialDeps,
): Promise<SocialResult> => {
  const issue = await deps.issues.get(issueId);
  if (!issue) throw new MissingRecordError(`social message for an unknown issue ${issueId}`);
  const read = await deps.social.get(issueId, network);
  if (read && isFinalSocialState(read.state)) return DONE;
  const now = deps.clock.now();
  const step = stepper(deps, issue, network, read);
  const account = deps.accounts[network];
  if (!account) {
    const why = deps.unavailable?.[network];
    if (why?.retryAfterMs !== undefined) return retry(why.retryAfterMs, why.detail);
    return step.finish({ state: 'skipped', detail: why?.detail ?? 'no account configured for this network' });
  }

  if (read?.state === 'calling' && Date.parse(read.leaseUntil ?? '') > now.getTime())
    return retry(Date.parse(read.leaseUntil ?? '') - now.getTime(), 'another worker is publishing');
  if (read?.state === 'waiting' && Date.parse(read.notBefore ?? '') > now.getTime())
    return retry(Date.parse(read.notBefore ?? '') - now.getTime(), 'waiting', true);

  const post = deps.compose(issue, network);
  if (read?.state === 'calling' || read?.state === 'uncertain') {
    const found = await account.publisher.findRecent(post.url);
    if (found) return step.finish({ state: 'published', ...found });
    if (!account.publisher.idempotent) {
      const detail = `the outcome of the publish call is unknown and no post with ${post.url} was found`;
      await step.finish({ state: 'unconfirmed', detail });
      await tell(deps, { kind: 'social_unconfirmed', issue: noticeIssue(issue), network, detail });
      return DONE;
    }
    // An idempotent network: repeating with the same key finds the first post or makes the only one.
  }

  const blocked = await deps.social.blockOf(network);
  if (blocked?.credentials === account.fingerprint)
    return step.finish({ state: 'needs_reconnect', detail: blocked.reason });
  if (account.expiresAt && Date.parse(account.expiresAt) <= now.getTime())
    return needsReconnect(deps, step, issue, network, account, `the token expired on ${account.expiresAt}`);

  const attempts = (read?.attempts ?? 0) + 1;
  const claimed = await step.save({
    state: 'calling',
    attempts,
    leaseUntil: new Date(now.getTime() + deps.leaseMs).toISOString(),
  });
  if (!claimed) return retry(1000, 'another worker claimed this post first');

  const outcome = await account.publisher.publish({ post, idempotencyKey: idempotencyKey(issueId, network) });
  deps.logger.info('social publish', { issueId, network, outcome: outcome.kind, attempts });
  switch (outcome.kind) {
    case 'published':
      return step.finish({ state: 'published', postId: outcome.postId, postUrl: outcome.postUrl });
    case 'duplicate': {
      const existing: PublishedPost | undefined =
        outcome.post ?? (await account.publisher.findRecent(post.url));
      return step.finish(
        existing ? { state: 'published', ...existing } : { state: 'duplicate', detail: outcome.detail },
      );
    }
    case 'rate_limited': {
      const waitMs = Math.max(1000, outcome.retryAt.getTime() - deps.clock.now().getTime());
      await step.save({ state: 'waiting', notBefore: outcome.retryAt.toISOString(), detail: outcome.detail });
      return retry(waitMs, `rate limited: ${outcome.detail}`, true);
    }
    case 'not_sent': {
      if (attempts >= (deps.maxAttempts ?? 5)) return failed(deps, step, issue, network, outcome.detail);
      const waitMs = 2 ** attempts * 15_000;
      await step.save({
        state: 'waiting',
        notBefore: new Date(deps.clock.now().getTime() + waitMs).toISOString(),
        detail: outcome.detail,
      });
      return retry(waitMs, `not sent: ${outcome.detail}`, true);
    }
    case 'unknown':
      await step.save({ state: 'uncertain', detail: outcome.detail });
      return retry(deps.reconcileAfterMs ?? 60_000, `outcome unknown: ${outcome.detail}`);
    case 'needs_reconnect': {
      const renewed = attempts < (deps.maxAttempts ?? 5) ? await account.renew?.() : undefined;
      if (renewed === 'retry') {
        await step.save({
          state: 'waiting',
          notBefore: deps.clock.now().toISOString(),
          detail: outcome.detail,
        });
        return retry(1000, `token refused, renewed: ${outcome.detail}`, true);
      }
      return needsReconnect(deps, step, issue, network, account, outcome.detail, renewed === 'to_reconnect');
    }
    case 'rejected':
      return failed(deps, step, issue, network, outcome.detail);
  }
};

/** Stable per (issue, network): Mastodon's Idempotency-Key and the source of Bluesky's record key. */
export const idempotencyKey = (issueId: string, network: SocialNetwork) => `dimanche-${issueId}-${network}`;

const retry = (retryAfterMs: number, reason: string, requeue = false): SocialResult =>
  requeue ? { ok: false, retryAfterMs, reason, requeue } : { ok: false, retryAfterMs, reason };

type Step = ReturnType<typeof stepper>;

/** Writes the next version of the attempt, each conditional on the one before. */
const stepper = (
  deps: PublishSocialDeps,
  issue: Issue,
  network: SocialNetwork,
  read: SocialAttempt | undefined,
) => {
  let current = read;
  const save = async (change: Partial<SocialAttempt> & Pick<SocialAttempt, 'state'>) => {
    // Only what this step says: a lease or a wait of the step before does not carry over.
    const next = Object.fromEntries(
      Object.entries({
        issueId: issue.id,
        network,
        attempts: current?.attempts ?? 0,
        ...change,
        version: (current?.version ?? 0) + 1,
        updatedAt: deps.clock.now().toISOString(),
      }).filter(([, value]) => value !== undefined),
    ) as SocialAttempt;
    const saved = await deps.social.save(next);
    if (saved) current = next;
    return saved;
  };
  return {
    save,
    /** A final state: written once; a lost race means another worker settled it. */
    finish: async (change: Partial<SocialAttempt> & Pick<SocialAttempt, 'state'>): Promise<SocialResult> => {
      await save(change);
      return DONE;
    },
  };
};

const needsReconnect = async (
  deps: PublishSocialDeps,
  step: Step,
  issue: Issue,
  network: SocialNetwork,
  account: SocialAccount,
  reason: string,
  /** Her account's mail already said it (the connection turned "à reconnecter"): one mail, not two. */
  told = false,
) => {
  const at = deps.clock.now().toISOString();
  const newlyBlocked = await deps.social.block({
    network,
    credentials: account.fingerprint,
    reason,
    since: at,
  });
  await step.finish({ state: 'needs_reconnect', detail: reason });
  if (newlyBlocked && !told)
    await tell(deps, { kind: 'social_needs_reconnect', issue: noticeIssue(issue), network, reason });
  return DONE;
};

const failed = async (
  deps: PublishSocialDeps,
  step: Step,
  issue: Issue,
  network: SocialNetwork,
  detail: string,
) => {
  await step.finish({ state: 'failed', detail });
  await tell(deps, { kind: 'social_failed', issue: noticeIssue(issue), network, detail });
  return DONE;
};

/** Best effort: the state is stored either way, and the campaign report and admin route show it. */
const tell = async (deps: PublishSocialDeps, notice: AuthorNotice) => {
  try {
    await deps.author.notify(notice);
  } catch (error) {
    deps.logger.error('author notice failed', { notice: notice.kind, error });
  }
};
