import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeControl } from '../../infra/local/social/fake-control.ts';
import type { FakeNetwork } from '../../infra/local/social/fake-network.ts';
import { startThreadsFake } from '../../infra/local/social/threads/fake.ts';
import { signInToThreads } from '../../infra/local/social/threads/stand-in.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { SocialLookupError } from '../../shared/adapters/social/publish-http.ts';
import { threadsPublisher } from '../../shared/adapters/social/threads/publisher.ts';
import { composedPost, ISSUE_URL, refusedUrl } from './social-fixtures.ts';

/** The 60-day token the fake traded for its consent page's: it takes no other. */
let TOKEN = '';
const USER = '17841400000000001';
const KEY = 'dimanche-iss_34-threads';
const NOW = new Date('2026-11-29T09:00:00Z');
let fake: FakeNetwork;
let control: ReturnType<typeof fakeControl>;

const publisher = (options: { token?: string; timeoutMs?: number; url?: string } = {}) =>
  threadsPublisher(
    {
      baseUrl: options.url ?? fake.url,
      userId: USER,
      username: 'dimanche.fm',
      accessToken: options.token ?? TOKEN,
    },
    { timeoutMs: options.timeoutMs ?? 2_000, clock: { now: () => NOW } },
  );
const containerCalls = async () =>
  (await control.requests()).filter((r) => r.method === 'POST' && r.path === `/v1.0/${USER}/threads`).length;
type Thread = { id: string; text: string; link_attachment_url: string; permalink: string };

beforeAll(async () => {
  const threads = await startThreadsFake({ userId: USER });
  fake = threads;
  TOKEN = (await signInToThreads(threads, systemClock)).accessToken;
  control = fakeControl(fake.url);
});
afterAll(() => fake.close());
beforeEach(() => control.reset());

describe('the Threads publisher, through fetch, against the fake Threads API', () => {
  it('makes a TEXT container with the link attachment, publishes it, and returns the permalink', async () => {
    const outcome = await publisher().publish({ post: composedPost('threads'), idempotencyKey: KEY });
    const [thread, ...others] = await control.posts<Thread>();
    expect(others).toHaveLength(0);
    expect(thread).toMatchObject({ text: composedPost('threads').text, link_attachment_url: ISSUE_URL });
    expect(outcome).toEqual({ kind: 'published', postId: thread?.id, postUrl: thread?.permalink });
    const [create] = await control.requests();
    expect(Object.fromEntries(new URLSearchParams(create?.body))).toMatchObject({
      media_type: 'TEXT',
      link_attachment: ISSUE_URL,
      access_token: TOKEN,
    });
  });

  it('publishes the container it already made when publishing failed, instead of making another', async () => {
    const threads = publisher();
    await control.queue({
      match: 'threads_publish',
      status: 503,
      body: { error: { message: 'Service temporarily unavailable', code: 2, is_transient: true } },
    });
    expect(await threads.publish({ post: composedPost('threads'), idempotencyKey: KEY })).toMatchObject({
      kind: 'unknown',
    });
    expect(await threads.publish({ post: composedPost('threads'), idempotencyKey: KEY })).toMatchObject({
      kind: 'published',
    });
    expect(await containerCalls()).toBe(1);
    expect(await control.posts()).toHaveLength(1);
  });

  it('never publishes a container twice: one published before a 5xx is a duplicate that findRecent finds', async () => {
    const threads = publisher();
    await control.queue({
      match: 'threads_publish',
      afterCommit: { status: 500, body: { error: { message: 'An unknown error has occurred.', code: 1 } } },
    });
    expect(await threads.publish({ post: composedPost('threads'), idempotencyKey: KEY })).toMatchObject({
      kind: 'unknown',
    });
    expect(await threads.publish({ post: composedPost('threads'), idempotencyKey: KEY })).toMatchObject({
      kind: 'duplicate',
    });
    const [thread, ...others] = await control.posts<Thread>();
    expect(others).toHaveLength(0);
    expect(await threads.findRecent(ISSUE_URL)).toEqual({ postId: thread?.id, postUrl: thread?.permalink });
    expect(await threads.findRecent('https://dimanche-radio.fr/archive/99')).toBeUndefined();
  });

  it('makes a new container when the old one expired', async () => {
    const threads = publisher();
    await control.queue({
      match: 'threads_publish',
      status: 429,
      body: { error: { message: 'Application request limit reached', code: 4 } },
    });
    expect(await threads.publish({ post: composedPost('threads'), idempotencyKey: KEY })).toMatchObject({
      kind: 'rate_limited',
      retryAt: new Date('2026-11-29T10:00:00Z'),
    });
    await control.command('expire-containers');
    expect(await threads.publish({ post: composedPost('threads'), idempotencyKey: KEY })).toMatchObject({
      kind: 'published',
    });
    expect(await containerCalls()).toBe(2);
  });

  it('has posted nothing when the container could not be made, even on a 5xx or a timeout', async () => {
    await control.queue({
      match: `${USER}/threads`,
      afterCommit: { status: 500, body: { error: { message: 'unknown', code: 1 } } },
    });
    expect(await publisher().publish({ post: composedPost('threads'), idempotencyKey: KEY })).toMatchObject({
      kind: 'not_sent',
    });
    await control.queue({ match: `${USER}/threads`, delayMs: 600 });
    expect(
      await publisher({ timeoutMs: 200 }).publish({ post: composedPost('threads'), idempotencyKey: 'k' }),
    ).toMatchObject({ kind: 'not_sent' });
    expect(
      await publisher({ url: await refusedUrl() }).publish({
        post: composedPost('threads'),
        idempotencyKey: KEY,
      }),
    ).toMatchObject({ kind: 'not_sent' });
    expect(await control.posts()).toHaveLength(0);
  });

  it('needs reconnecting when the token is refused (190), and rejects a text over 500 characters', async () => {
    expect(
      await publisher({ token: 'expired' }).publish({ post: composedPost('threads'), idempotencyKey: KEY }),
    ).toMatchObject({ kind: 'needs_reconnect', detail: expect.stringContaining('190') });
    const long = composedPost('threads', { text: `${'🌻'.repeat(130)} ${ISSUE_URL}` });
    expect(await publisher().publish({ post: long, idempotencyKey: KEY })).toMatchObject({
      kind: 'rejected',
    });
  });

  it('gives the profile as the link when the permalink cannot be read after publishing', async () => {
    await control.queue({ method: 'GET', status: 500, body: { error: { message: 'unknown', code: 1 } } });
    const outcome = await publisher().publish({ post: composedPost('threads'), idempotencyKey: KEY });
    expect(outcome).toMatchObject({ kind: 'published', postUrl: 'https://www.threads.net/@dimanche.fm' });
  });

  it('does not guess when the old container cannot be read: nothing is posted, or the token is refused', async () => {
    const threads = publisher();
    await control.queue({
      match: 'threads_publish',
      status: 503,
      body: { error: { message: 'down', code: 2 } },
    });
    await threads.publish({ post: composedPost('threads'), idempotencyKey: KEY });
    await control.queue({ method: 'GET', status: 500, body: { error: { message: 'unknown', code: 1 } } });
    expect(await threads.publish({ post: composedPost('threads'), idempotencyKey: KEY })).toMatchObject({
      kind: 'not_sent',
    });
    await control.queue({
      method: 'GET',
      status: 400,
      body: { error: { message: 'Invalid OAuth', code: 190 } },
    });
    expect(await threads.publish({ post: composedPost('threads'), idempotencyKey: KEY })).toMatchObject({
      kind: 'needs_reconnect',
    });
    expect(await containerCalls()).toBe(1);
    expect(await control.posts()).toHaveLength(0);
  });

  it('throws rather than answer "not found" when the threads cannot be read', async () => {
    await expect(publisher({ token: 'expired' }).findRecent(ISSUE_URL)).rejects.toThrow(SocialLookupError);
  });
});
