import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeControl } from '../../infra/local/social/fake-control.ts';
import type { FakeNetwork } from '../../infra/local/social/fake-network.ts';
import { signInLocally } from '../../infra/local/oauth/local-sign-in.ts';
import { startLinkedInFake } from '../../infra/local/social/linkedin/fake.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { escapeLittleText } from '../../shared/domain/social/compose-little-text.ts';
import { linkedInPublisher } from '../../shared/adapters/social/linkedin/publisher.ts';
import { composedPost, ISSUE_URL, refusedUrl } from './social-fixtures.ts';

/** Issued by the fake's own OAuth server through its consent page: the fake takes no other. */
let TOKEN = '';
const AUTHOR = 'urn:li:organization:5515715';
const NOW = new Date('2026-11-29T09:00:00Z');
let fake: FakeNetwork;
let control: ReturnType<typeof fakeControl>;
const publisher = (
  options: { accessToken?: string; version?: string; timeoutMs?: number; url?: string } = {},
) =>
  linkedInPublisher(
    {
      baseUrl: options.url ?? fake.url,
      accessToken: options.accessToken ?? TOKEN,
      author: AUTHOR,
      version: options.version ?? '202611',
    },
    { timeoutMs: options.timeoutMs ?? 2_000, clock: { now: () => NOW } },
  );
const publish = (options?: Parameters<typeof publisher>[0]) =>
  publisher(options).publish({ post: composedPost('linkedin'), idempotencyKey: 'dimanche-iss_34-linkedin' });

type StoredPost = { id: string; commentary: string; content: { article: Record<string, string> } };

beforeAll(async () => {
  const linkedIn = await startLinkedInFake({ author: AUTHOR });
  fake = linkedIn;
  TOKEN = (await signInLocally(linkedIn.signIn.provider, linkedIn.signIn.app, systemClock)).accessToken;
  control = fakeControl(fake.url);
});
afterAll(() => fake.close());
beforeEach(() => control.reset());

describe('the LinkedIn publisher, through fetch, against the fake Posts API', () => {
  it('posts escaped commentary with an article card and the versioned headers, and returns the post URL', async () => {
    const text = `Dimanche #34 (treize titres) #MusiqueDuDimanche ${ISSUE_URL}`;
    const outcome = await publisher().publish({
      post: composedPost('linkedin', { text }),
      idempotencyKey: 'k',
    });
    const [post, ...others] = await control.posts<StoredPost>();
    expect(others).toHaveLength(0);
    expect(outcome).toEqual({
      kind: 'published',
      postId: post?.id,
      postUrl: `https://www.linkedin.com/feed/update/${post?.id}/`,
    });
    expect(post?.commentary).toBe(
      `Dimanche \\#34 \\(treize titres\\) {hashtag|\\#|MusiqueDuDimanche} ${ISSUE_URL}`,
    );
    expect(post?.commentary).toBe(escapeLittleText(text));
    expect(post?.content.article).toEqual({
      source: ISSUE_URL,
      title: 'Dimanche #34 — Chambre en Provence',
      description: 'Une heure de soleil, treize titres.',
    });
    const [request] = await control.requests();
    expect(request?.headers).toMatchObject({
      'linkedin-version': '202611',
      'x-restli-protocol-version': '2.0.0',
    });
  });

  it('calls a repeat a duplicate and names the first post (422 DUPLICATE_POST)', async () => {
    const first = await publish();
    const again = await publish();
    expect(first.kind).toBe('published');
    expect(again).toMatchObject({
      kind: 'duplicate',
      post: first.kind === 'published' ? { postId: first.postId, postUrl: first.postUrl } : {},
    });
    expect(await control.posts()).toHaveLength(1);
  });

  it('needs reconnecting on a 401, and says so when its LinkedIn-Version is retired (426)', async () => {
    expect(await publish({ accessToken: 'expired' })).toMatchObject({ kind: 'needs_reconnect' });
    expect(await publish({ version: '202301' })).toMatchObject({
      kind: 'rejected',
      detail: expect.stringContaining('no longer served'),
    });
    expect(await control.posts()).toHaveLength(0);
  });

  it('is rate limited until Retry-After, or the next midnight UTC when LinkedIn does not say', async () => {
    const tooMany = {
      status: 429,
      body: { status: 429, message: 'Resource level throttle APPLICATION DAY limit' },
    };
    await control.queue({ ...tooMany, headers: { 'retry-after': '120' } }, tooMany);
    expect(await publish()).toMatchObject({
      kind: 'rate_limited',
      retryAt: new Date('2026-11-29T09:02:00Z'),
    });
    expect(await publish()).toMatchObject({
      kind: 'rate_limited',
      retryAt: new Date('2026-11-30T00:00:00Z'),
    });
  });

  it('rejects commentary over 3,000 characters (422)', async () => {
    const outcome = await publisher().publish({
      post: composedPost('linkedin', { text: 'a'.repeat(3001) }),
      idempotencyKey: 'k',
    });
    expect(outcome).toMatchObject({
      kind: 'rejected',
      detail: expect.stringContaining('FIELD_LENGTH_TOO_LONG'),
    });
  });

  it('does not know the outcome of a 5xx or a slow answer, and findRecent finds the post by its article', async () => {
    await control.queue({
      match: '/rest/posts',
      afterCommit: { status: 504, body: { status: 504, message: 'Gateway Timeout' } },
    });
    expect(await publish()).toMatchObject({ kind: 'unknown' });
    await control.queue({ match: '/rest/posts', delayMs: 600 });
    const slow = await publisher({ timeoutMs: 200 }).publish({
      post: composedPost('linkedin', { text: `Un autre texte ${ISSUE_URL}` }),
      idempotencyKey: 'k',
    });
    expect(slow).toMatchObject({ kind: 'unknown' });
    const posts = await control.posts<StoredPost>();
    expect(posts).toHaveLength(2);
    expect(await publisher().findRecent(ISSUE_URL)).toEqual({
      postId: posts[1]?.id,
      postUrl: `https://www.linkedin.com/feed/update/${posts[1]?.id}/`,
    });
    expect(await publisher().findRecent('https://dimanche-radio.fr/archive/99')).toBeUndefined();
    const [finder] = (await control.requests()).filter((r) => r.method === 'GET');
    expect(finder?.query).toMatchObject({ q: 'author', author: AUTHOR });
    expect(finder?.headers['x-restli-method']).toBe('FINDER');
  });

  it('has not sent anything when the connection is refused', async () => {
    expect(await publish({ url: await refusedUrl() })).toMatchObject({ kind: 'not_sent' });
  });

  it('calls a DUPLICATE_POST that names no post a duplicate without one', async () => {
    await control.queue({
      match: '/rest/posts',
      status: 422,
      body: {
        errorDetails: { inputErrors: [{ code: 'DUPLICATE_POST' }] },
        message: 'Duplicate',
        status: 422,
      },
    });
    const outcome = await publish();
    expect(outcome).toMatchObject({ kind: 'duplicate' });
    expect(outcome).not.toHaveProperty('post');
  });
});
