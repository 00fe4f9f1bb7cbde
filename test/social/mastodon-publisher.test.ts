import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeControl } from '../../infra/local/social/fake-control.ts';
import type { FakeNetwork } from '../../infra/local/social/fake-network.ts';
import { startMastodonFake } from '../../infra/local/social/mastodon/fake.ts';
import { signInToMastodon } from '../../infra/local/social/mastodon/stand-in.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { mastodonLimits, mastodonPublisher } from '../../shared/adapters/social/mastodon/publisher.ts';
import { SocialLookupError } from '../../shared/adapters/social/publish-http.ts';
import { composedPost, refusedUrl } from './social-fixtures.ts';

/** Issued by the fake instance through its registered app and consent page: it takes no other. */
let TOKEN = '';
let fake: FakeNetwork;
let control: ReturnType<typeof fakeControl>;
const publisher = (options: { accessToken?: string; timeoutMs?: number; url?: string } = {}) =>
  mastodonPublisher(
    { baseUrl: options.url ?? fake.url, accessToken: options.accessToken ?? TOKEN },
    { timeoutMs: options.timeoutMs ?? 2_000, clock: { now: () => new Date('2026-11-29T09:00:00Z') } },
  );

beforeAll(async () => {
  const instance = await startMastodonFake({ maxCharacters: 500 });
  fake = instance;
  TOKEN = (await signInToMastodon(instance, systemClock)).accessToken;
  control = fakeControl(fake.url);
});
afterAll(() => fake.close());
beforeEach(() => control.reset());

describe('the Mastodon publisher, through masto, against the fake instance', () => {
  it('publishes one public status with the text, language and Idempotency-Key, and returns its URL', async () => {
    const post = composedPost('mastodon');
    const outcome = await publisher().publish({ post, idempotencyKey: 'dimanche-iss_34-mastodon' });

    const [status] = await control.posts<{ id: string; text: string; language: string; url: string }>();
    expect(outcome).toEqual({ kind: 'published', postId: status?.id, postUrl: status?.url });
    expect(status).toMatchObject({
      text: post.text,
      language: 'fr',
      idempotencyKey: 'dimanche-iss_34-mastodon',
    });
    const [request] = await control.requests();
    expect(request?.headers['idempotency-key']).toBe('dimanche-iss_34-mastodon');
    expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('gets the same status back for a repeat with the same Idempotency-Key, and makes no second one', async () => {
    const post = composedPost('mastodon');
    const first = await publisher().publish({ post, idempotencyKey: 'key-1' });
    const again = await publisher().publish({ post, idempotencyKey: 'key-1' });
    expect(again).toEqual(first);
    expect(await control.posts()).toHaveLength(1);
    const other = await publisher().publish({ post, idempotencyKey: 'key-2' });
    expect(other.kind === 'published' && first.kind === 'published' && other.postId !== first.postId).toBe(
      true,
    );
  });

  it('needs reconnecting when the instance refuses the token (401)', async () => {
    const outcome = await publisher({ accessToken: 'revoked' }).publish({
      post: composedPost('mastodon'),
      idempotencyKey: 'k',
    });
    expect(outcome).toMatchObject({ kind: 'needs_reconnect', detail: expect.stringContaining('401') });
    expect(await control.posts()).toHaveLength(0);
  });

  it('is rate limited until X-RateLimit-Reset on a 429', async () => {
    const reset = '2026-11-29T09:05:00.000Z';
    await control.queue({
      match: '/statuses',
      status: 429,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
      body: { error: 'Too many requests' },
    });
    const outcome = await publisher().publish({ post: composedPost('mastodon'), idempotencyKey: 'k' });
    expect(outcome).toMatchObject({ kind: 'rate_limited', retryAt: new Date(reset) });
  });

  it('rejects a status over the instance limit (422), and reads the limit from /api/v2/instance', async () => {
    const post = { ...composedPost('mastodon'), text: 'é'.repeat(501) };
    const outcome = await publisher().publish({ post, idempotencyKey: 'k' });
    expect(outcome).toMatchObject({ kind: 'rejected', detail: expect.stringContaining('character limit') });
    expect(await mastodonLimits({ baseUrl: fake.url, accessToken: TOKEN })).toEqual({
      maxCharacters: 500,
      charactersReservedPerUrl: 23,
    });
  });

  it('does not know the outcome of a 5xx or a slow answer, and findRecent then finds the post', async () => {
    const post = composedPost('mastodon');
    await control.queue({ match: '/statuses', afterCommit: { status: 502, body: { error: 'Bad gateway' } } });
    expect(await publisher().publish({ post, idempotencyKey: 'k' })).toMatchObject({ kind: 'unknown' });
    await control.queue({ match: '/statuses', delayMs: 600 });
    expect(await publisher({ timeoutMs: 200 }).publish({ post, idempotencyKey: 'k' })).toMatchObject({
      kind: 'unknown',
    });
    const [status] = await control.posts<{ id: string; url: string }>();
    expect(await publisher().findRecent(post.url)).toEqual({ postId: status?.id, postUrl: status?.url });
    expect(await control.posts()).toHaveLength(1);
  });

  it('finds nothing for a URL it never posted, and did not send when the connection is refused', async () => {
    expect(await publisher().findRecent('https://dimanche-radio.fr/archive/99')).toBeUndefined();
    const outcome = await publisher({ url: await refusedUrl() }).publish({
      post: composedPost('mastodon'),
      idempotencyKey: 'k',
    });
    expect(outcome).toMatchObject({ kind: 'not_sent', detail: expect.stringContaining('ECONNREFUSED') });
  });

  it('needs reconnecting when the token lacks a scope (403); waits five minutes on a 429 without a reset', async () => {
    await control.queue(
      { match: '/statuses', status: 403, body: { error: 'This action is outside the authorized scopes' } },
      {
        match: '/statuses',
        status: 429,
        headers: { 'x-ratelimit-reset': '' },
        body: { error: 'Too many requests' },
      },
    );
    expect(await publisher().publish({ post: composedPost('mastodon'), idempotencyKey: 'k' })).toMatchObject({
      kind: 'needs_reconnect',
      detail: expect.stringContaining('scopes'),
    });
    expect(await publisher().publish({ post: composedPost('mastodon'), idempotencyKey: 'k' })).toMatchObject({
      kind: 'rate_limited',
      retryAt: new Date('2026-11-29T09:05:00Z'),
    });
  });

  it('throws rather than answer "not found" when the statuses cannot be read', async () => {
    await expect(
      publisher({ accessToken: 'revoked' }).findRecent(composedPost('mastodon').url),
    ).rejects.toThrow(SocialLookupError);
  });
});
