import { describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { memoryIssueStore } from '../../shared/adapters/memory/issue-store.ts';
import { memorySocialStore } from '../../shared/adapters/memory/social-store.ts';
import type { Issue } from '../../shared/domain/issue.ts';
import type { SocialNetwork } from '../../shared/domain/social/networks.ts';
import type { AuthorNotice } from '../../shared/ports/author-notices.ts';
import type { PublishOutcome, SocialPublisher } from '../../shared/ports/social-publisher.ts';
import { type PublishSocialDeps, publishSocial } from '../../shared/usecases/social/publish-social.ts';
import { anIssue } from '../builders/issue.ts';
import { movableClock } from '../support/test-app.ts';

const publisher = (outcomes: PublishOutcome[]): SocialPublisher => ({
  network: 'x',
  idempotent: false,
  publish: async () =>
    outcomes.shift() ?? { kind: 'published', postId: '1', postUrl: 'https://x.com/dimanche_fm/status/1' },
  findRecent: async () => undefined,
});

const setup = async (over: Partial<PublishSocialDeps>) => {
  const issues = memoryIssueStore();
  const social = memorySocialStore();
  const issue: Issue = anIssue({ status: 'sending' });
  await issues.saveRevision(issue, undefined);
  const notices: AuthorNotice[] = [];
  const deps: PublishSocialDeps = {
    issues,
    social,
    accounts: {},
    compose: (_issue, network: SocialNetwork) => ({
      network,
      text: 'Dimanche',
      length: { unit: 'characters', count: 8, limit: 280 },
      url: 'https://newsletter.example.org/archive/34',
      card: { url: 'https://newsletter.example.org/archive/34', title: 'Dimanche', description: '' },
      language: 'fr',
    }),
    author: { notify: async (notice) => void notices.push(notice) },
    clock: movableClock(),
    logger: createJsonLogger({ service: 'test', level: 'silent' }),
    leaseMs: 60_000,
    ...over,
  };
  return { deps, social, notices, message: { issueId: issue.id, network: 'x' as const } };
};

describe('a post and her connected account', () => {
  it('is skipped with the French reason when the network cannot post, and asked again when it may come back', async () => {
    const skipped = await setup({ unavailable: { x: { detail: 'à reconnecter dans Réglages' } } });
    expect(await publishSocial(skipped.message, skipped.deps)).toEqual({ ok: true });
    expect(await skipped.social.get(skipped.message.issueId, 'x')).toMatchObject({
      state: 'skipped',
      detail: 'à reconnecter dans Réglages',
    });
    const busy = await setup({ unavailable: { x: { detail: 'jeton en cours', retryAfterMs: 5000 } } });
    expect(await publishSocial(busy.message, busy.deps)).toMatchObject({ ok: false, retryAfterMs: 5000 });
    expect(await busy.social.get(busy.message.issueId, 'x')).toBeUndefined();
  });

  it('refused with 401, goes back to the queue once its token is renewed, then posts', async () => {
    let renewals = 0;
    const t = await setup({});
    t.deps.accounts = {
      x: {
        publisher: publisher([{ kind: 'needs_reconnect', detail: 'HTTP 401' }]),
        fingerprint: 'f1',
        renew: async () => ((renewals += 1), 'retry'),
      },
    };
    expect(await publishSocial(t.message, t.deps)).toMatchObject({ ok: false, requeue: true });
    expect(await t.social.get(t.message.issueId, 'x')).toMatchObject({ state: 'waiting' });
    expect(await publishSocial(t.message, t.deps)).toEqual({ ok: true });
    expect(await t.social.get(t.message.issueId, 'x')).toMatchObject({ state: 'published', attempts: 2 });
    expect(renewals).toBe(1);
    expect(t.notices).toEqual([]);
  });

  it('refused with 401 and not renewable, is to reconnect without a second mail (her account’s mail said it)', async () => {
    const t = await setup({});
    t.deps.accounts = {
      x: {
        publisher: publisher([{ kind: 'needs_reconnect', detail: 'HTTP 401' }]),
        fingerprint: 'f1',
        renew: async () => 'to_reconnect',
      },
    };
    expect(await publishSocial(t.message, t.deps)).toEqual({ ok: true });
    expect(await t.social.get(t.message.issueId, 'x')).toMatchObject({ state: 'needs_reconnect' });
    expect(t.notices).toEqual([]);
  });
});
