import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { socialAccountsFor } from '../../shared/adapters/social/social-accounts-for.ts';
import { socialComposer } from '../../shared/usecases/social/social-composer.ts';
import { fakeControl, type FakeControl } from '../../infra/local/social/fake-control.ts';
import { loopbackOnlyFetch } from '../../infra/local/social/loopback-fetch.ts';
import { type SocialFakes, startSocialFakes } from '../../infra/local/social/start-social-fakes.ts';
import { campaignIdFor } from '../../shared/domain/campaign.ts';
import { DEFAULT_COMPOSE_RULES } from '../../shared/domain/social/compose-rules.ts';
import { SOCIAL_NETWORKS, type SocialNetwork } from '../../shared/domain/social/networks.ts';
import { isFinalSocialState } from '../../shared/domain/social/social-attempt.ts';
import { dynamoSocialStore } from '../../shared/adapters/dynamodb/social-store.ts';
import { anIssue } from '../builders/issue.ts';
import { BASE, deliverySetup, storedMailTo, waitFor } from '../support/delivery-setup.ts';

/**
 * Issue 5's acceptance on the local stack: the Sunday run queues one message per network, the social worker
 * publishes through the real publishers (masto, @atproto/api, fetch) to one fake network each on 127.0.0.1.
 */
let fakes: SocialFakes;
let control: Record<SocialNetwork, FakeControl>;
beforeAll(async () => {
  fakes = await startSocialFakes();
  control = Object.fromEntries(
    SOCIAL_NETWORKS.map((network) => [network, fakeControl(fakes.urls[network])]),
  ) as Record<SocialNetwork, FakeControl>;
});
afterAll(() => fakes?.close());
beforeEach(async () => {
  await Promise.all(SOCIAL_NETWORKS.map((network) => control[network].reset()));
});

const ISSUE_URL = `${BASE}/archive/34-chambre-en-provence`;
const settings = {
  publicBaseUrl: BASE,
  seriesName: 'Online Sunday Morning Sound',
  hashtags: ['playlist', 'musique'],
  networks: SOCIAL_NETWORKS,
  rules: DEFAULT_COMPOSE_RULES,
};

/** The local delivery with all six networks enabled; `accounts` may be shared between runs (sessions). */
const sundayWithSocial = async (accounts?: ReturnType<typeof socialAccountsFor>) => {
  const t = await deliverySetup({
    env: { SOCIAL_NETWORKS: SOCIAL_NETWORKS.join(',') },
    visibilityMs: 400,
    social: (clock) => ({
      accounts: accounts ?? socialAccountsFor(fakes.accounts, { clock, fetch: loopbackOnlyFetch }),
      compose: socialComposer(settings),
    }),
  });
  const social = dynamoSocialStore(t.doc, t.tableName);
  const attempts = async () => social.list('iss_34');
  const settled = async () => {
    const list = await attempts();
    return list.length === SOCIAL_NETWORKS.length && list.every((a) => isFinalSocialState(a.state));
  };
  return { ...t, attempts, settled, social };
};

const postsOn = async (network: SocialNetwork) => control[network].posts();

describe('social announcements on a Sunday', () => {
  it('publishes exactly one post on each of the six networks, and the report carries every link', async () => {
    const t = await sundayWithSocial();
    await t.addSubscribers(3, 'confirmed');
    const workers = t.startWorkers();
    expect((await t.dispatch()).kind).toBe('dispatched');
    await waitFor(t.settled, 30_000);
    // Every message again, in reverse order, as SQS may deliver a message twice and out of order.
    for (const network of [...SOCIAL_NETWORKS].reverse()) t.socialQueue.send({ issueId: 'iss_34', network });
    await waitFor(async () => t.socialQueue.size() === 0, 30_000);
    await waitFor(async () => (await t.campaigns.get(campaignIdFor('iss_34')))?.reportedAt !== undefined);
    await workers.stop();

    for (const network of SOCIAL_NETWORKS) expect(await postsOn(network), network).toHaveLength(1);
    const attempts = await t.attempts();
    expect(attempts.map((a) => a.state)).toEqual(SOCIAL_NETWORKS.map(() => 'published'));
    expect(attempts.every((a) => a.attempts === 1)).toBe(true);
    const [report] = (await storedMailTo(t.domain)).filter((m) => m.subject.startsWith('[Dimanche] Envoyé'));
    for (const attempt of attempts) expect(report?.body.text).toContain(attempt.postUrl);
    // What went out is what the composer made: the archive URL on every network, a facet on Bluesky.
    const [bluesky] = await postsOn('bluesky');
    expect(JSON.stringify(bluesky)).toContain(ISSUE_URL);
  }, 60_000);

  it('waits for the reset when X answers 429, then posts once', async () => {
    const t = await sundayWithSocial();
    // Two seconds ahead of the test's clock: the message waits that long in the queue, then finds the reset
    // still ahead (the clock has not moved) and waits again, until the test moves the clock past it.
    const reset = Math.floor(t.clock.now().getTime() / 1000) + 2;
    await control.x.queue({
      match: '/2/tweets',
      status: 429,
      headers: {
        'x-rate-limit-limit': '200',
        'x-rate-limit-remaining': '0',
        'x-rate-limit-reset': String(reset),
      },
      body: { title: 'Too Many Requests', status: 429, detail: 'Too Many Requests' },
    });
    const workers = t.startWorkers();
    await t.dispatch();
    await waitFor(async () => (await t.social.get('iss_34', 'x'))?.state === 'waiting', 20_000);
    expect((await t.social.get('iss_34', 'x'))?.notBefore).toBe(new Date(reset * 1000).toISOString());
    // Before the reset: the message comes back and goes again without a call.
    await new Promise((r) => setTimeout(r, 4500));
    const tweetsBefore = (await control.x.requests()).filter((r) => r.path === '/2/tweets');
    expect(tweetsBefore).toHaveLength(1);
    expect(await postsOn('x')).toHaveLength(0);
    t.clock.set(new Date(reset * 1000 + 1000).toISOString());
    await waitFor(async () => (await t.social.get('iss_34', 'x'))?.state === 'published', 20_000);
    await workers.stop();
    expect(await postsOn('x')).toHaveLength(1);
    expect((await control.x.requests()).filter((r) => r.path === '/2/tweets')).toHaveLength(2);
  }, 60_000);

  it('refreshes an expired Bluesky session instead of logging in again, and posts', async () => {
    const accounts = socialAccountsFor(fakes.accounts, { fetch: loopbackOnlyFetch });
    const bluesky = accounts.bluesky?.publisher;
    if (!bluesky) throw new Error('no Bluesky account');
    // Last week's post made the session the worker holds; then its access token expired.
    const lastWeek = socialComposer(settings)(
      anIssue({ series: 33, title: 'La semaine d’avant' }),
      'bluesky',
    );
    expect((await bluesky.publish({ post: lastWeek, idempotencyKey: 'dimanche-iss_33-bluesky' })).kind).toBe(
      'published',
    );
    await control.bluesky.command('expire-session');

    const t = await sundayWithSocial(accounts);
    const workers = t.startWorkers();
    await t.dispatch();
    await waitFor(t.settled, 30_000);
    await workers.stop();
    expect((await t.social.get('iss_34', 'bluesky'))?.state).toBe('published');
    expect(await postsOn('bluesky')).toHaveLength(2);
    const calls = (await control.bluesky.requests()).map((r) => r.path.split('?')[0]);
    expect(calls.filter((p) => p === '/xrpc/com.atproto.server.createSession')).toHaveLength(1);
    expect(calls.filter((p) => p === '/xrpc/com.atproto.server.refreshSession')).toHaveLength(1);
  }, 60_000);

  it('marks Mastodon "needs reconnect" on a 401 and tells the author; the other networks are unaffected', async () => {
    const t = await sundayWithSocial();
    await control.mastodon.queue({
      match: '/api/v1/statuses',
      status: 401,
      body: { error: 'The access token was revoked' },
    });
    const workers = t.startWorkers();
    await t.dispatch();
    await waitFor(t.settled, 30_000);
    await workers.stop();
    const states = Object.fromEntries((await t.attempts()).map((a) => [a.network, a.state]));
    expect(states).toEqual({
      mastodon: 'needs_reconnect',
      bluesky: 'published',
      x: 'published',
      linkedin: 'published',
      facebook: 'published',
      threads: 'published',
    });
    expect(await t.social.blockOf('mastodon')).toMatchObject({ network: 'mastodon' });
    const mail = await storedMailTo(t.domain);
    expect(mail.map((m) => m.subject)).toContain('[Dimanche] Mastodon\u00a0: compte à reconnecter');
    const report = mail.find((m) => m.subject.startsWith('[Dimanche] Envoyé'));
    expect(report?.body.text).toMatch(/- Mastodon — NON PUBLIÉE\u00a0: le compte est à reconnecter/);
    for (const network of SOCIAL_NETWORKS.filter((n) => n !== 'mastodon'))
      expect(await postsOn(network), network).toHaveLength(1);
  }, 60_000);

  it('sends a poison message to the dead-letter queue after its receives, and posts nothing for it', async () => {
    const t = await sundayWithSocial();
    const workers = t.startWorkers();
    t.socialQueue.send({ issueId: 'iss_999', network: 'x' });
    await waitFor(async () => t.socialQueue.deadLetters().length === 1, 20_000);
    await workers.stop();
    expect(t.socialQueue.deadLetters()[0]).toMatchObject({ body: { issueId: 'iss_999' }, receiveCount: 5 });
    expect(await postsOn('x')).toHaveLength(0);
  }, 60_000);

  it('mails the report anyway once the wait is over when the social worker cannot run, naming what has no outcome', async () => {
    const t = await deliverySetup({
      env: { SOCIAL_NETWORKS: 'mastodon,bluesky', SOCIAL_REPORT_WAIT_SECONDS: '1' },
      visibilityMs: 200,
      social: () => ({
        accounts: socialAccountsFor(fakes.accounts, { fetch: loopbackOnlyFetch }),
        compose: () => {
          throw new Error('the social settings are broken');
        },
      }),
    });
    await t.addSubscribers(2, 'confirmed');
    const workers = t.startWorkers();
    await t.dispatch();
    const id = campaignIdFor('iss_34');
    await waitFor(async () => (await t.campaigns.get(id))?.status === 'done', 20_000);
    // Done, but no network has an outcome: the report waits (its batch comes back every second).
    await new Promise((r) => setTimeout(r, 1500));
    expect((await t.campaigns.get(id))?.reportedAt).toBeUndefined();
    t.clock.set(new Date(t.clock.now().getTime() + 2000).toISOString());
    await waitFor(async () => (await t.campaigns.get(id))?.reportedAt !== undefined, 20_000);
    await waitFor(async () => t.socialQueue.deadLetters().length === 2, 20_000);
    await workers.stop();
    const reports = (await storedMailTo(t.domain)).filter((m) => m.subject.startsWith('[Dimanche] Envoyé'));
    expect(reports).toHaveLength(1);
    expect(reports[0]?.body.text).toContain(
      '- Mastodon — pas de nouvelles\u00a0: l’annonce n’a pas été traitée',
    );
    expect(reports[0]?.body.text).toContain(
      '- Bluesky — pas de nouvelles\u00a0: l’annonce n’a pas été traitée',
    );
    expect(reports[0]?.body.text).toMatch(/\nEnvoyés \.+ 2\n/);
  }, 60_000);
});
