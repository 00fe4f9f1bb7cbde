import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { consent } from '../../infra/local/oauth/consent.ts';
import { fakeControl } from '../../infra/local/social/fake-control.ts';
import type { FakeNetwork } from '../../infra/local/social/fake-network.ts';
import { guardedFetch } from '../../shared/adapters/http/guarded-fetch.ts';
import { StandIns } from '../../shared/adapters/http/stand-ins.ts';
import { type AtprotoApp, atprotoOAuthClient } from '../../shared/adapters/oauth/atproto-oauth-client.ts';
import { newDpopKey } from '../../shared/adapters/oauth/dpop-key.ts';
import { bind, unbind } from '../../shared/adapters/social/bluesky/dpop-bound.ts';
import { boundTokens } from '../../shared/adapters/social/bluesky/oauth-connect.ts';
import { blueskyPublisher } from '../../shared/adapters/social/bluesky/publisher.ts';
import { fakeAtprotoServer, operatorAtprotoApp, startAtprotoFake } from '../support/atproto-fake.ts';
import { movableClock } from '../support/test-app.ts';
import { composedPost } from './social-fixtures.ts';

const DID = 'did:plc:dimanche2local3fake4pds';
const HANDLE = 'dimanche.bsky.social';
const clock = movableClock();
let fake: FakeNetwork;
let control: ReturnType<typeof fakeControl>;
let app: AtprotoApp;

const client = () =>
  atprotoOAuthClient({ outbound: guardedFetch({ standIns: new StandIns([fake.url]) }), clock, app });
const server = () => fakeAtprotoServer(fake.url);

/** Her sign-in by OAuth: the tokens as the connected account keeps them, bound to the session's key. */
const signedIn = async () => {
  const dpopKey = await newDpopKey();
  const codeVerifier = randomBytes(32).toString('base64url');
  const begun = await client().authorizationUrl(server(), {
    state: 's',
    codeVerifier,
    dpopKey,
    loginHint: HANDLE,
  });
  if (!begun.ok) throw new Error(begun.detail);
  const { back, callback } = await consent(begun.url);
  const answer = await client().exchangeCode(server(), {
    code: callback.code ?? '',
    iss: back.searchParams.get('iss') ?? '',
    codeVerifier,
    dpopKey,
  });
  if (!answer.ok) throw new Error(answer.detail);
  return boundTokens(answer.tokens, dpopKey, DID, { ...server(), clientId: app.clientId });
};
const publisher = (accessToken: string) =>
  blueskyPublisher(
    { baseUrl: fake.url, identifier: HANDLE, appPassword: accessToken },
    { timeoutMs: 2_000, clock },
  );
const requestsTo = async (path: string) =>
  (await control.requests()).filter((request) => request.path === path);

beforeAll(async () => {
  app = await operatorAtprotoApp();
  fake = await startAtprotoFake(app, clock);
  control = fakeControl(fake.url);
});
afterAll(() => fake.close());
beforeEach(() => control.reset());

describe('posting to Bluesky with a DPoP-bound OAuth token', () => {
  it('sends Authorization: DPoP with a proof per request (after the nonce the PDS asks for), never a login', async () => {
    const tokens = await signedIn();

    const outcome = await publisher(tokens.accessToken).publish({
      post: composedPost('bluesky'),
      idempotencyKey: 'k-1',
    });

    expect(outcome).toMatchObject({
      kind: 'published',
      postId: expect.stringContaining(`at://${DID}/app.bsky.feed.post/`),
    });
    expect(await control.posts()).toHaveLength(1);
    const creates = await requestsTo('/xrpc/com.atproto.repo.createRecord');
    const token = unbind('access', tokens.accessToken)?.token ?? '';
    expect(creates.at(-1)?.headers.authorization).toBe(`DPoP ${token}`);
    expect(creates.at(-1)?.headers.dpop).toMatch(/^ey/);
    expect(await requestsTo('/xrpc/com.atproto.server.createSession')).toHaveLength(0);
  });

  it('retries once with the new nonce when the PDS rotates it', async () => {
    const tokens = await signedIn();
    const bluesky = publisher(tokens.accessToken);
    await bluesky.publish({ post: composedPost('bluesky'), idempotencyKey: 'k-1' });
    await control.command('oauth', { rotateNonce: true });

    expect((await bluesky.publish({ post: composedPost('bluesky'), idempotencyKey: 'k-2' })).kind).toBe(
      'published',
    );
    expect(await control.posts()).toHaveLength(2);
  });

  it('hands an expired token back as needs_reconnect (the worker renews it), then posts with the refreshed one', async () => {
    const tokens = await signedIn();
    clock.set(new Date(clock.now().getTime() + 2 * 3_600_000).toISOString());

    const refused = await publisher(tokens.accessToken).publish({
      post: composedPost('bluesky'),
      idempotencyKey: 'k-1',
    });
    expect(refused.kind).toBe('needs_reconnect');
    expect(await control.posts()).toHaveLength(0);

    const bound = unbind('refresh', tokens.refreshToken ?? '');
    const renewed = await client().refresh(server(), bound?.token ?? '', bound?.key ?? {});
    if (!renewed.ok) throw new Error(renewed.detail);
    const fresh = boundTokens(renewed.tokens, bound?.key ?? {}, DID, { ...server(), clientId: app.clientId });
    expect(
      (await publisher(fresh.accessToken).publish({ post: composedPost('bluesky'), idempotencyKey: 'k-1' }))
        .kind,
    ).toBe('published');
  });

  it('is refused when the token travels with another key than the one it is bound to', async () => {
    const tokens = await signedIn();
    const stolen = unbind('access', tokens.accessToken);
    const other = bind({ kind: 'access', token: stolen?.token ?? '', key: await newDpopKey(), did: DID });

    expect(
      (await publisher(other).publish({ post: composedPost('bluesky'), idempotencyKey: 'k-1' })).kind,
    ).toBe('needs_reconnect');
    expect(await control.posts()).toHaveLength(0);
  });
});
