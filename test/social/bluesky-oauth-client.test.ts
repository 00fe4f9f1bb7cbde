import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { consent } from '../../infra/local/oauth/consent.ts';
import { fakeControl } from '../../infra/local/social/fake-control.ts';
import type { FakeNetwork } from '../../infra/local/social/fake-network.ts';
import { guardedFetch } from '../../shared/adapters/http/guarded-fetch.ts';
import { StandIns } from '../../shared/adapters/http/stand-ins.ts';
import {
  type AtprotoApp,
  atprotoOAuthClient,
  type AtprotoServer,
} from '../../shared/adapters/oauth/atproto-oauth-client.ts';
import { type JsonWebKey, newDpopKey } from '../../shared/adapters/oauth/dpop-key.ts';
import { fakeAtprotoServer, operatorAtprotoApp, startAtprotoFake } from '../support/atproto-fake.ts';
import { movableClock } from '../support/test-app.ts';

const DID = 'did:plc:dimanche2local3fake4pds';
const HANDLE = 'dimanche.bsky.social';
let fake: FakeNetwork;
let control: ReturnType<typeof fakeControl>;
let app: AtprotoApp;
let server: AtprotoServer;
const clock = movableClock();
const random = () => randomBytes(32).toString('base64url');
const client = () =>
  atprotoOAuthClient({ outbound: guardedFetch({ standIns: new StandIns([fake.url]) }), clock, app });

beforeAll(async () => {
  app = await operatorAtprotoApp('operator-1');
  fake = await startAtprotoFake(app, clock);
  control = fakeControl(fake.url);
  server = fakeAtprotoServer(fake.url);
});
afterAll(() => fake.close());
beforeEach(() => control.reset());

/** Her sign-in up to the consent page's answer. */
const signIn = async (decision: 'allow' | 'deny' = 'allow') => {
  const dpopKey = await newDpopKey();
  const codeVerifier = random();
  const state = random();
  const begun = await client().authorizationUrl(server, { state, codeVerifier, dpopKey, loginHint: HANDLE });
  if (!begun.ok) throw new Error(begun.detail);
  const { back, callback } = await consent(begun.url, decision);
  return { dpopKey, codeVerifier, state, back, callback, url: begun.url };
};
const exchange = (found: Awaited<ReturnType<typeof signIn>>, dpopKey: JsonWebKey = found.dpopKey) =>
  client().exchangeCode(server, {
    code: found.callback.code ?? '',
    iss: found.back.searchParams.get('iss') ?? '',
    codeVerifier: found.codeVerifier,
    dpopKey,
  });

describe('atproto OAuth against the fake PDS', () => {
  it('pushes the request (retrying with the nonce the server asks for), then trades the code for DPoP-bound tokens', async () => {
    const found = await signIn();
    expect(found.url).toMatch(/\/oauth\/authorize\?client_id=.*&request_uri=urn/);
    expect(found.callback.state).toBe(found.state);

    const answer = await exchange(found);

    expect(answer).toMatchObject({ ok: true, sub: DID, tokens: { scope: 'atproto transition:generic' } });
    const pars = (await control.requests()).filter((request) => request.path === '/oauth/par');
    expect(pars).toHaveLength(2);
    // The request went out with the operator's assertion and a DPoP proof, never a secret.
    expect(pars[1]?.headers.dpop).toMatch(/^ey/);
    expect(pars[1]?.body).toContain('client_assertion=');
  });

  it('refuses a token answer that does not grant the atproto scope, or names no account', async () => {
    const grant = (body: Record<string, unknown>) => ({
      match: '/oauth/token',
      status: 200,
      body: { access_token: 'at-x', token_type: 'DPoP', expires_in: 3600, ...body },
    });
    await control.queue(grant({ sub: DID, scope: 'transition:generic' }));
    expect(await exchange(await signIn())).toMatchObject({
      ok: false,
      error: 'refused',
      detail: 'the token answer does not grant the atproto scope',
    });
    await control.queue(grant({ scope: 'atproto transition:generic' }));
    expect(await exchange(await signIn())).toMatchObject({ ok: false, error: 'refused' });
  });

  it('refreshes with rotation: the new refresh token works, the spent one is refused', async () => {
    const found = await signIn();
    const first = await exchange(found);
    if (!first.ok) throw new Error(first.detail);
    const spent = first.tokens.refreshToken ?? '';

    const next = await client().refresh(server, spent, found.dpopKey);
    expect(next).toMatchObject({ ok: true, sub: DID });
    if (!next.ok) return;
    expect(next.tokens.refreshToken).not.toBe(spent);
    expect(await client().refresh(server, spent, found.dpopKey)).toMatchObject({
      ok: false,
      error: 'refused',
    });
  });

  it('refuses a refresh signed with another key than the session’s', async () => {
    const found = await signIn();
    const first = await exchange(found);
    if (!first.ok) throw new Error(first.detail);

    expect(await client().refresh(server, first.tokens.refreshToken ?? '', await newDpopKey())).toMatchObject(
      {
        ok: false,
        error: 'refused',
      },
    );
  });

  it('refuses a replayed code (invalid_grant), and an answer from another issuer than her server', async () => {
    const found = await signIn();
    expect((await exchange(found)).ok).toBe(true);
    expect(await exchange(found)).toMatchObject({ ok: false, error: 'refused', detail: /invalid_grant/ });

    const other = await signIn();
    other.back.searchParams.set('iss', 'https://impostor.example');
    expect(await exchange(other)).toMatchObject({ ok: false, error: 'refused' });
  });

  it('sends her back with access_denied when she refuses', async () => {
    const found = await signIn('deny');

    expect(found.callback).toEqual({ state: found.state, error: 'access_denied' });
  });

  it('is refused at PAR when its assertion is signed by a key its metadata does not publish', async () => {
    const impostor = atprotoOAuthClient({
      outbound: guardedFetch({ standIns: new StandIns([fake.url]) }),
      clock,
      app: { ...app, privateJwk: { ...(await newDpopKey()), kid: 'operator-1' } },
    });
    const begun = await impostor.authorizationUrl(server, {
      state: random(),
      codeVerifier: random(),
      dpopKey: await newDpopKey(),
      loginHint: HANDLE,
    });

    expect(begun).toMatchObject({ ok: false, error: 'refused', detail: /invalid_client/ });
  });
});
