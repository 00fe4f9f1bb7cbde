import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFacebookFake } from '../../infra/local/social/facebook/fake.ts';
import { signInToFacebook } from '../../infra/local/social/facebook/stand-in.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { fakeControl } from '../../infra/local/social/fake-control.ts';
import type { FakeNetwork } from '../../infra/local/social/fake-network.ts';
import { facebookPublisher } from '../../shared/adapters/social/facebook/publisher.ts';
import { composedPost, ISSUE_URL, refusedUrl } from './social-fixtures.ts';

/** The Page token the fake gave through Facebook Login and /me/accounts: it takes no other. */
let TOKEN = '';
const PAGE = '104857600123456';
const NOW = new Date('2026-11-29T09:00:00Z');
let fake: FakeNetwork;
let control: ReturnType<typeof fakeControl>;
const publisher = (options: { token?: string; timeoutMs?: number; url?: string } = {}) =>
  facebookPublisher(
    {
      baseUrl: options.url ?? fake.url,
      pageId: PAGE,
      pageAccessToken: options.token ?? TOKEN,
      graphVersion: 'v21.0',
    },
    { timeoutMs: options.timeoutMs ?? 2_000, clock: { now: () => NOW } },
  );
const publish = (options?: Parameters<typeof publisher>[0]) =>
  publisher(options).publish({ post: composedPost('facebook'), idempotencyKey: 'dimanche-iss_34-facebook' });
const graphError = (status: number, code: number, message: string, headers: Record<string, string> = {}) => ({
  match: '/feed',
  status,
  headers,
  body: { error: { message, type: 'OAuthException', code, fbtrace_id: 'AbCdEf' } },
});

beforeAll(async () => {
  const facebook = await startFacebookFake({ pageId: PAGE });
  fake = facebook;
  TOKEN = await signInToFacebook(facebook, systemClock, PAGE);
  control = fakeControl(fake.url);
});
afterAll(() => fake.close());
beforeEach(() => control.reset());

describe('the Facebook Page publisher, through fetch, against the fake Graph API', () => {
  it('posts the message and link to the Page feed once, and returns the post URL', async () => {
    const outcome = await publish();
    const [post, ...others] = await control.posts<{ id: string; message: string; link: string }>();
    expect(others).toHaveLength(0);
    expect(post).toMatchObject({ message: composedPost('facebook').text, link: ISSUE_URL });
    expect(outcome).toEqual({
      kind: 'published',
      postId: post?.id,
      postUrl: `https://www.facebook.com/${PAGE}/posts/${post?.id.split('_')[1]}`,
    });
    const [request] = await control.requests();
    expect(request).toMatchObject({ method: 'POST', path: `/v21.0/${PAGE}/feed` });
    expect(request?.query).toEqual({});
  });

  it('calls a repeat a duplicate (506), and findRecent finds the first post by its link', async () => {
    await publish();
    expect(await publish()).toMatchObject({ kind: 'duplicate', detail: expect.stringContaining('506') });
    const [post] = await control.posts<{ id: string; permalink_url: string }>();
    expect(await publisher().findRecent(ISSUE_URL)).toEqual({
      postId: post?.id,
      postUrl: post?.permalink_url,
    });
    expect(await publisher().findRecent('https://dimanche-radio.fr/archive/99')).toBeUndefined();
    await control.queue(
      graphError(400, 368, 'The action attempted has been deemed abusive or is otherwise disallowed'),
    );
    expect(await publish()).toMatchObject({ kind: 'duplicate', detail: expect.stringContaining('368') });
  });

  it('needs reconnecting when the token is invalid (190) or lacks a permission (200)', async () => {
    expect(await publish({ token: 'expired' })).toMatchObject({
      kind: 'needs_reconnect',
      detail: expect.stringContaining('190'),
    });
    await control.queue(
      graphError(403, 200, '(#200) The user hasn\u2019t authorized the application to perform this action'),
    );
    expect(await publish()).toMatchObject({ kind: 'needs_reconnect' });
  });

  it('is rate limited for the time the usage header estimates, or an hour', async () => {
    const usage = JSON.stringify({
      [PAGE]: [{ type: 'pages', call_count: 100, estimated_time_to_regain_access: 17 }],
    });
    await control.queue(
      graphError(400, 32, '(#32) Page request limit reached', { 'x-business-use-case-usage': usage }),
      graphError(400, 4, '(#4) Application request limit reached', { 'x-business-use-case-usage': '{}' }),
    );
    expect(await publish()).toMatchObject({
      kind: 'rate_limited',
      retryAt: new Date('2026-11-29T09:17:00Z'),
    });
    expect(await publish()).toMatchObject({
      kind: 'rate_limited',
      retryAt: new Date('2026-11-29T10:00:00Z'),
    });
    expect(await control.posts()).toHaveLength(0);
  });

  it('does not know the outcome of an unknown error (code 1, HTTP 500) or a slow answer; findRecent reconciles', async () => {
    await control.queue({
      match: '/feed',
      afterCommit: {
        status: 500,
        body: {
          error: {
            message: 'An unknown error has occurred.',
            type: 'OAuthException',
            code: 1,
            is_transient: true,
          },
        },
      },
    });
    expect(await publish()).toMatchObject({
      kind: 'unknown',
      detail: expect.stringContaining('unknown error'),
    });
    const [post] = await control.posts<{ id: string }>();
    expect(await publisher().findRecent(ISSUE_URL)).toMatchObject({ postId: post?.id });
    await control.queue({ match: '/feed', delayMs: 600 });
    const slow = await publisher({ timeoutMs: 200 }).publish({
      post: composedPost('facebook', { text: `Autre message ${ISSUE_URL}` }),
      idempotencyKey: 'k',
    });
    expect(slow).toMatchObject({ kind: 'unknown' });
  });

  it('rejects an invalid request (code 100), and has not sent anything when the connection is refused', async () => {
    await control.queue(graphError(400, 100, '(#100) Invalid parameter'));
    expect(await publish()).toMatchObject({ kind: 'rejected' });
    expect(await publish({ url: await refusedUrl() })).toMatchObject({ kind: 'not_sent' });
  });

  it('never puts the token in an error it throws', async () => {
    await control.queue({ match: '/feed', status: 500, body: 'oops' });
    const error = await publisher()
      .findRecent(ISSUE_URL)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message)).not.toContain(TOKEN);
  });
});
