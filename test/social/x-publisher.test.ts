import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeControl } from '../../infra/local/social/fake-control.ts';
import type { FakeNetwork } from '../../infra/local/social/fake-network.ts';
import { signInLocally } from '../../infra/local/oauth/local-sign-in.ts';
import { startXFake } from '../../infra/local/social/x/fake.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { SocialLookupError } from '../../shared/adapters/social/publish-http.ts';
import { xPublisher } from '../../shared/adapters/social/x/publisher.ts';
import { composedPost, ISSUE_URL, refusedUrl } from './social-fixtures.ts';

/** Issued by the fake's own OAuth server through its consent page: the fake takes no other. */
let TOKEN = '';
const NOW = new Date('2026-11-29T09:00:00Z');
let fake: FakeNetwork;
let control: ReturnType<typeof fakeControl>;
const publisher = (options: { accessToken?: string; timeoutMs?: number; url?: string } = {}) =>
  xPublisher(
    { baseUrl: options.url ?? fake.url, accessToken: options.accessToken ?? TOKEN, username: 'dimanche_fm' },
    { timeoutMs: options.timeoutMs ?? 2_000, clock: { now: () => NOW } },
  );
const publish = (options?: Parameters<typeof publisher>[0]) =>
  publisher(options).publish({ post: composedPost('x'), idempotencyKey: 'dimanche-iss_34-x' });

beforeAll(async () => {
  const x = await startXFake();
  fake = x;
  TOKEN = (await signInLocally(x.signIn.provider, x.signIn.app, systemClock)).accessToken;
  control = fakeControl(fake.url);
});
afterAll(() => fake.close());
beforeEach(() => control.reset());

describe('the X publisher, through fetch, against the fake API v2', () => {
  it('posts the text once, as JSON with the bearer token, and returns the post URL', async () => {
    const outcome = await publish();
    const [tweet, ...others] = await control.posts<{ id: string; submitted: string }>();
    expect(others).toHaveLength(0);
    expect(tweet?.submitted).toBe(composedPost('x').text);
    expect(outcome).toEqual({
      kind: 'published',
      postId: tweet?.id,
      postUrl: `https://x.com/dimanche_fm/status/${tweet?.id}`,
    });
    const [request] = await control.requests();
    expect(request).toMatchObject({ method: 'POST', path: '/2/tweets' });
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(JSON.parse(request?.body ?? '')).toEqual({ text: composedPost('x').text });
  });

  it('calls the same text a duplicate (403) and findRecent finds the first post by its expanded URL', async () => {
    await publish();
    const again = await publish();
    expect(again).toMatchObject({ kind: 'duplicate', detail: expect.stringContaining('duplicate content') });
    const [tweet] = await control.posts<{ id: string; text: string }>();
    expect(tweet?.text).not.toContain(ISSUE_URL);
    expect(await publisher().findRecent(ISSUE_URL)).toEqual({
      postId: tweet?.id,
      postUrl: `https://x.com/dimanche_fm/status/${tweet?.id}`,
    });
    expect(await publisher().findRecent('https://dimanche-radio.fr/archive/99')).toBeUndefined();
  });

  it('is rate limited until x-rate-limit-reset on a 429, or the daily reset when that cap ran out', async () => {
    await control.queue(
      {
        match: '/2/tweets',
        status: 429,
        headers: { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': '1795943700' },
        body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
      },
      {
        match: '/2/tweets',
        status: 429,
        headers: {
          'x-rate-limit-remaining': '150',
          'x-rate-limit-reset': '1795943700',
          'x-user-limit-24hour-remaining': '0',
          'x-user-limit-24hour-reset': '1796000000',
        },
        body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
      },
    );
    expect(await publish()).toMatchObject({ kind: 'rate_limited', retryAt: new Date(1_795_943_700_000) });
    expect(await publish()).toMatchObject({ kind: 'rate_limited', retryAt: new Date(1_796_000_000_000) });
    expect(await control.posts()).toHaveLength(0);
  });

  it('needs reconnecting on a 401, and rejects a text X finds invalid (400)', async () => {
    expect(await publish({ accessToken: 'expired' })).toMatchObject({ kind: 'needs_reconnect' });
    const outcome = await publisher().publish({
      post: composedPost('x', { text: `${'é'.repeat(281)}` }),
      idempotencyKey: 'k',
    });
    expect(outcome).toMatchObject({ kind: 'rejected', detail: expect.stringContaining('400') });
  });

  it('does not know the outcome of a 5xx, a slow answer or a dropped connection; findRecent reconciles', async () => {
    await control.queue({
      match: '/2/tweets',
      afterCommit: { status: 503, body: { title: 'Service Unavailable' } },
    });
    expect(await publish()).toMatchObject({ kind: 'unknown', detail: expect.stringContaining('503') });
    const [tweet] = await control.posts<{ id: string }>();
    expect(await publisher().findRecent(ISSUE_URL)).toMatchObject({ postId: tweet?.id });

    await control.reset();
    await control.queue({ match: '/2/tweets', delayMs: 600 });
    expect(await publish({ timeoutMs: 200 })).toMatchObject({ kind: 'unknown' });
    await control.queue({ match: '/2/tweets', afterCommit: 'hang-up' });
    const dropped = await publisher().publish({
      post: composedPost('x', { text: `Autre texte ${ISSUE_URL}` }),
      idempotencyKey: 'k',
    });
    expect(dropped).toMatchObject({ kind: 'unknown' });
    expect(await control.posts()).toHaveLength(2);
  });

  it('has not sent anything when the connection is refused', async () => {
    expect(await publish({ url: await refusedUrl() })).toMatchObject({ kind: 'not_sent' });
  });

  it('rejects another 403, and throws rather than answer "not found" when the timeline cannot be read', async () => {
    await control.queue({
      match: '/2/tweets',
      status: 403,
      body: {
        title: 'Forbidden',
        detail: 'You are not permitted to perform this action.',
        type: 'about:blank',
        status: 403,
      },
    });
    expect(await publish()).toMatchObject({
      kind: 'rejected',
      detail: expect.stringContaining('not permitted'),
    });
    await expect(publisher({ accessToken: 'expired' }).findRecent(ISSUE_URL)).rejects.toThrow(
      SocialLookupError,
    );
  });
});
