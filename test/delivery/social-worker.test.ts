import { beforeEach, describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { memoryIssueStore } from '../../shared/adapters/memory/issue-store.ts';
import { memorySocialStore } from '../../shared/adapters/memory/social-store.ts';
import type { Issue } from '../../shared/domain/issue.ts';
import { MissingRecordError } from '../../shared/domain/missing-record.ts';
import type { SocialNetwork } from '../../shared/domain/social/networks.ts';
import type { ComposedPost } from '../../shared/domain/social/social-post.ts';
import type { PublishOutcome, PublishRequest, SocialPublisher } from '../../shared/ports/social-publisher.ts';
import type { SocialStore } from '../../shared/ports/social-store.ts';
import {
  type PublishSocialDeps,
  publishSocial,
  type SocialAccount,
} from '../../shared/usecases/social/publish-social.ts';
import { anIssue } from '../builders/issue.ts';
import { recordAuthorMails, TEST_STUDIO_BASE } from '../support/author-mails.ts';

/**
 * The social worker's rules, on dynalite, with a scripted publisher: each call takes the next scripted
 * outcome, and an outcome marked `posts` leaves a post behind (as a network that posted, then timed out).
 */
type Script = { outcome: PublishOutcome; posts?: boolean };

const scriptedPublisher = (network: SocialNetwork, idempotent: boolean) => {
  const script: Script[] = [];
  const calls: PublishRequest[] = [];
  const posts = new Map<string, { url: string; postId: string }>();
  const publisher: SocialPublisher = {
    network,
    idempotent,
    publish: async (request) => {
      calls.push(request);
      const next = script.shift() ?? { outcome: publishedOutcome(calls.length), posts: true };
      const repeat = idempotent ? posts.get(request.idempotencyKey) : undefined;
      if (repeat) return { kind: 'published', postId: repeat.postId, postUrl: postUrl(repeat.postId) };
      if (next.posts || next.outcome.kind === 'published') {
        const postId = next.outcome.kind === 'published' ? next.outcome.postId : `p${calls.length}`;
        posts.set(request.idempotencyKey, { url: request.post.url, postId });
      }
      return next.outcome;
    },
    findRecent: async (url) => {
      const found = [...posts.values()].find((post) => post.url === url);
      return found ? { postId: found.postId, postUrl: postUrl(found.postId) } : undefined;
    },
  };
  return { publisher, script, calls, posts };
};

const postUrl = (postId: string) => `https://social.example/${postId}`;
const publishedOutcome = (n: number): PublishOutcome => ({
  kind: 'published',
  postId: `p${n}`,
  postUrl: postUrl(`p${n}`),
});

const compose = (issue: Issue, network: SocialNetwork): ComposedPost => {
  const url = `https://newsletter.example.org/archive/${issue.slug}`;
  return {
    network,
    text: `${issue.title} ${url}`,
    length: { unit: 'characters', count: 10, limit: 500 },
    url,
    card: { url, title: issue.title, description: '' },
    language: 'fr',
  };
};

describe('social worker', () => {
  let social: SocialStore;
  let issue: Issue;
  let now: Date;
  let notices: ReturnType<typeof recordAuthorMails>['mails'];
  let deps: (accounts: PublishSocialDeps['accounts']) => PublishSocialDeps;

  beforeEach(async () => {
    const issues = memoryIssueStore();
    social = memorySocialStore();
    issue = anIssue({ status: 'sending' });
    await issues.saveRevision(issue, undefined);
    now = new Date('2026-11-29T08:00:00Z');
    const recorded = recordAuthorMails();
    notices = recorded.mails;
    deps = (accounts) => ({
      issues,
      social,
      accounts,
      compose,
      author: recorded.author,
      clock: { now: () => now },
      logger: createJsonLogger({ service: 'test', level: 'silent' }),
      leaseMs: 30_000,
    });
  });

  const account = (publisher: SocialPublisher, extra: Partial<SocialAccount> = {}): SocialAccount => ({
    publisher,
    fingerprint: 'creds-1',
    ...extra,
  });
  const message = (network: SocialNetwork) => ({ issueId: issue.id, network });

  it('refuses a message naming an issue never stored, as a bug, and calls no network', async () => {
    const x = scriptedPublisher('x', false);
    await expect(
      publishSocial({ issueId: 'iss_9999', network: 'x' }, deps({ x: account(x.publisher) })),
    ).rejects.toBeInstanceOf(MissingRecordError);
    expect(x.calls).toHaveLength(0);
  });

  it('publishes once and stores the post URL; a repeated message makes no second call', async () => {
    const x = scriptedPublisher('x', false);
    const d = deps({ x: account(x.publisher) });
    expect(await publishSocial(message('x'), d)).toEqual({ ok: true });
    expect(await publishSocial(message('x'), d)).toEqual({ ok: true });
    expect(x.calls).toHaveLength(1);
    expect(x.calls[0]?.idempotencyKey).toBe('dimanche-iss_34-x');
    expect(await social.get(issue.id, 'x')).toMatchObject({
      state: 'published',
      postUrl: 'https://social.example/p1',
      attempts: 1,
    });
  });

  it('two deliveries of the same message at once make one call', async () => {
    const mastodon = scriptedPublisher('mastodon', true);
    const d = deps({ mastodon: account(mastodon.publisher) });
    const results = await Promise.all([
      publishSocial(message('mastodon'), d),
      publishSocial(message('mastodon'), d),
    ]);
    expect(mastodon.calls).toHaveLength(1);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    // The loser is told to come back after the winner's lease: then it finds the post and stops.
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false });
    expect(await publishSocial(message('mastodon'), d)).toEqual({ ok: true });
    expect(mastodon.calls).toHaveLength(1);
  });

  it('a rate limit waits until the reset as a new delayed message, without calling before it', async () => {
    const x = scriptedPublisher('x', false);
    x.script.push({
      outcome: { kind: 'rate_limited', retryAt: new Date('2026-11-29T08:15:00Z'), detail: '429' },
    });
    const d = deps({ x: account(x.publisher) });
    expect(await publishSocial(message('x'), d)).toMatchObject({
      ok: false,
      requeue: true,
      retryAfterMs: 900_000,
    });
    now = new Date('2026-11-29T08:10:00Z');
    expect(await publishSocial(message('x'), d)).toMatchObject({
      ok: false,
      requeue: true,
      retryAfterMs: 300_000,
    });
    expect(x.calls).toHaveLength(1);
    now = new Date('2026-11-29T08:15:01Z');
    expect(await publishSocial(message('x'), d)).toEqual({ ok: true });
    expect(x.calls).toHaveLength(2);
    expect(x.posts.size).toBe(1);
  });

  it('an unknown outcome on a network without idempotency is reconciled from its recent posts, never reposted', async () => {
    const linkedin = scriptedPublisher('linkedin', false);
    linkedin.script.push({ outcome: { kind: 'unknown', detail: '504 after sending' }, posts: true });
    const d = deps({ linkedin: account(linkedin.publisher) });
    expect(await publishSocial(message('linkedin'), d)).toMatchObject({ ok: false, retryAfterMs: 60_000 });
    expect((await social.get(issue.id, 'linkedin'))?.state).toBe('uncertain');
    expect(await publishSocial(message('linkedin'), d)).toEqual({ ok: true });
    expect(linkedin.calls).toHaveLength(1);
    expect(await social.get(issue.id, 'linkedin')).toMatchObject({
      state: 'published',
      postUrl: postUrl('p1'),
    });
  });

  it('an unknown outcome that left no post is marked unconfirmed and the author is told, with no second call', async () => {
    const facebook = scriptedPublisher('facebook', false);
    facebook.script.push({ outcome: { kind: 'unknown', detail: 'timeout' } });
    const d = deps({ facebook: account(facebook.publisher) });
    await publishSocial(message('facebook'), d);
    expect(await publishSocial(message('facebook'), d)).toEqual({ ok: true });
    expect(facebook.calls).toHaveLength(1);
    expect((await social.get(issue.id, 'facebook'))?.state).toBe('unconfirmed');
    expect(notices.map((n) => n.subject)).toEqual([
      '[Dimanche] Facebook\u00a0: vérifiez l’annonce de #34 — Chambre en Provence',
    ]);
    expect(notices[0]?.text).toContain('pour éviter un doublon');
    expect(notices[0]?.html).toContain(`href="${TEST_STUDIO_BASE}/studio/campaigns/34"`);
  });

  it('an unknown outcome on an idempotent network is repeated with the same key when no post is found', async () => {
    const bluesky = scriptedPublisher('bluesky', true);
    bluesky.script.push({ outcome: { kind: 'unknown', detail: 'timeout' } });
    const d = deps({ bluesky: account(bluesky.publisher) });
    await publishSocial(message('bluesky'), d);
    expect(await publishSocial(message('bluesky'), d)).toEqual({ ok: true });
    expect(bluesky.calls.map((c) => c.idempotencyKey)).toEqual([
      'dimanche-iss_34-bluesky',
      'dimanche-iss_34-bluesky',
    ]);
    expect(bluesky.posts.size).toBe(1);
    expect(notices).toEqual([]);
  });

  it('a worker that died during the call leaves a lease: honoured while live, reconciled once run out', async () => {
    const threads = scriptedPublisher('threads', false);
    // The crash: the attempt is recorded as calling, the post went out, no outcome was stored.
    await social.save({
      issueId: issue.id,
      network: 'threads',
      state: 'calling',
      attempts: 1,
      version: 1,
      updatedAt: now.toISOString(),
      leaseUntil: new Date(now.getTime() + 30_000).toISOString(),
    });
    threads.posts.set('dimanche-iss_34-threads', { url: compose(issue, 'threads').url, postId: 't9' });
    const d = deps({ threads: account(threads.publisher) });
    expect(await publishSocial(message('threads'), d)).toMatchObject({ ok: false, retryAfterMs: 30_000 });
    now = new Date(now.getTime() + 31_000);
    expect(await publishSocial(message('threads'), d)).toEqual({ ok: true });
    expect(threads.calls).toHaveLength(0);
    expect(await social.get(issue.id, 'threads')).toMatchObject({ state: 'published', postId: 't9' });
  });

  it('a refused token blocks the account until its credentials change, tells the author once, spares the others', async () => {
    const mastodon = scriptedPublisher('mastodon', true);
    const bluesky = scriptedPublisher('bluesky', true);
    mastodon.script.push({
      outcome: { kind: 'needs_reconnect', detail: '401 The access token was revoked' },
    });
    const d = deps({ mastodon: account(mastodon.publisher), bluesky: account(bluesky.publisher) });
    expect(await publishSocial(message('mastodon'), d)).toEqual({ ok: true });
    expect(await publishSocial(message('bluesky'), d)).toEqual({ ok: true });
    expect((await social.get(issue.id, 'mastodon'))?.state).toBe('needs_reconnect');
    expect((await social.get(issue.id, 'bluesky'))?.state).toBe('published');
    expect(notices.map((n) => n.subject)).toEqual(['[Dimanche] Mastodon\u00a0: compte à reconnecter']);
    expect(notices[0]?.text).toContain('l’annonce de #34 — Chambre en Provence n’y est pas parue');
    expect(notices[0]?.html).toContain(`href="${TEST_STUDIO_BASE}/studio/settings"`);

    // Next week, same credentials: no call, no second notice.
    const next = anIssue({ series: 35, title: 'Online Sunday Morning Sound #35', sunday: '2026-12-06' });
    await d.issues.saveRevision(next, undefined);
    expect(await publishSocial({ issueId: next.id, network: 'mastodon' }, d)).toEqual({ ok: true });
    expect(mastodon.calls).toHaveLength(1);
    expect(notices).toHaveLength(1);

    // A new token lifts the block by itself.
    const reconnected = deps({ mastodon: account(mastodon.publisher, { fingerprint: 'creds-2' }) });
    const third = anIssue({ series: 36, title: 'Online Sunday Morning Sound #36', sunday: '2026-12-13' });
    await d.issues.saveRevision(third, undefined);
    expect(await publishSocial({ issueId: third.id, network: 'mastodon' }, reconnected)).toEqual({
      ok: true,
    });
    expect((await social.get(third.id, 'mastodon'))?.state).toBe('published');
  });

  it('a token past its known expiry is not used', async () => {
    const linkedin = scriptedPublisher('linkedin', false);
    const d = deps({ linkedin: account(linkedin.publisher, { expiresAt: '2026-11-20T00:00:00Z' }) });
    expect(await publishSocial(message('linkedin'), d)).toEqual({ ok: true });
    expect(linkedin.calls).toHaveLength(0);
    expect(await social.get(issue.id, 'linkedin')).toMatchObject({
      state: 'needs_reconnect',
      detail: 'the token expired on 2026-11-20T00:00:00Z',
    });
    expect(notices.map((n) => n.subject)).toEqual(['[Dimanche] LinkedIn\u00a0: compte à reconnecter']);
  });

  it('a rejected post fails for good and the author is told', async () => {
    const x = scriptedPublisher('x', false);
    x.script.push({ outcome: { kind: 'rejected', detail: '400 text too long' } });
    const d = deps({ x: account(x.publisher) });
    expect(await publishSocial(message('x'), d)).toEqual({ ok: true });
    expect(await publishSocial(message('x'), d)).toEqual({ ok: true });
    expect(x.calls).toHaveLength(1);
    expect(await social.get(issue.id, 'x')).toMatchObject({ state: 'failed', detail: '400 text too long' });
    expect(notices.map((n) => n.subject)).toEqual([
      '[Dimanche] X\u00a0: l’annonce de #34 — Chambre en Provence a échoué',
    ]);
    expect(notices[0]?.text).toContain(
      'X a refusé l’annonce de #34 — Chambre en Provence\u00a0: 400 text too long.',
    );
  });

  it('a call that never reached the network backs off, then gives up after the maximum attempts', async () => {
    const threads = scriptedPublisher('threads', false);
    for (let i = 0; i < 3; i += 1)
      threads.script.push({ outcome: { kind: 'not_sent', detail: 'ECONNREFUSED' } });
    const d = { ...deps({ threads: account(threads.publisher) }), maxAttempts: 3 };
    expect(await publishSocial(message('threads'), d)).toMatchObject({ requeue: true, retryAfterMs: 30_000 });
    now = new Date(now.getTime() + 30_000);
    expect(await publishSocial(message('threads'), d)).toMatchObject({ requeue: true, retryAfterMs: 60_000 });
    now = new Date(now.getTime() + 60_000);
    expect(await publishSocial(message('threads'), d)).toEqual({ ok: true });
    expect(threads.calls).toHaveLength(3);
    expect(await social.get(issue.id, 'threads')).toMatchObject({ state: 'failed', attempts: 3 });
  });

  it('a duplicate answer is a success when the post is found, and final either way', async () => {
    const x = scriptedPublisher('x', false);
    x.posts.set('earlier', { url: compose(issue, 'x').url, postId: 'old' });
    x.script.push({ outcome: { kind: 'duplicate', detail: '403 duplicate content' } });
    const d = deps({ x: account(x.publisher) });
    await publishSocial(message('x'), d);
    expect(await social.get(issue.id, 'x')).toMatchObject({ state: 'published', postId: 'old' });

    const linkedin = scriptedPublisher('linkedin', false);
    linkedin.script.push({ outcome: { kind: 'duplicate', detail: '422 DUPLICATE_POST' } });
    await publishSocial(message('linkedin'), deps({ linkedin: account(linkedin.publisher) }));
    expect(await social.get(issue.id, 'linkedin')).toMatchObject({
      state: 'duplicate',
      detail: '422 DUPLICATE_POST',
    });
  });

  it('a network without an account is skipped; an unknown issue is a bug (the message goes to the DLQ)', async () => {
    expect(await publishSocial(message('threads'), deps({}))).toEqual({ ok: true });
    expect((await social.get(issue.id, 'threads'))?.state).toBe('skipped');
    await expect(publishSocial({ issueId: 'iss_999', network: 'x' }, deps({}))).rejects.toThrow(
      /unknown issue/,
    );
  });

  it('a failed author notice does not lose the state', async () => {
    const x = scriptedPublisher('x', false);
    x.script.push({ outcome: { kind: 'rejected', detail: 'nope' } });
    const d = {
      ...deps({ x: account(x.publisher) }),
      author: { notify: () => Promise.reject(new Error('SES down')) },
    };
    expect(await publishSocial(message('x'), d)).toEqual({ ok: true });
    expect((await social.get(issue.id, 'x'))?.state).toBe('failed');
  });
});
