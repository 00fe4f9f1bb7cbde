import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { consent } from '../../infra/local/oauth/consent.ts';
import { fakeControl } from '../../infra/local/social/fake-control.ts';
import type { FakeNetwork } from '../../infra/local/social/fake-network.ts';
import { aesGcmSealer } from '../../shared/adapters/crypto/aes-gcm-sealer.ts';
import { guardedFetch } from '../../shared/adapters/http/guarded-fetch.ts';
import { StandIns } from '../../shared/adapters/http/stand-ins.ts';
import { memoryConnectedAccounts } from '../../shared/adapters/memory/connected-account-store.ts';
import { atprotoOAuthClient } from '../../shared/adapters/oauth/atproto-oauth-client.ts';
import { oauth4webapiClient } from '../../shared/adapters/oauth/oauth4webapi-client.ts';
import { routedOAuthClient } from '../../shared/adapters/oauth/routed-oauth-client.ts';
import { atprotoRefresher } from '../../shared/adapters/social/bluesky/atproto-refresher.ts';
import { unbind } from '../../shared/adapters/social/bluesky/dpop-bound.ts';
import {
  beginBlueskyOAuth,
  type BlueskyOAuthDeps,
  finishBlueskyOAuth,
} from '../../shared/adapters/social/bluesky/oauth-connect.ts';
import { discoverAtprotoSignIn } from '../../shared/adapters/social/bluesky/oauth-discovery.ts';
import type { ConnectedAccount } from '../../shared/domain/accounts/connected-account.ts';
import type { OAuthProvider, TokenSet } from '../../shared/domain/accounts/oauth-provider.ts';
import { oauthProviderFor } from '../../shared/domain/accounts/sign-in.ts';
import { type AccessDeps, accessToken } from '../../shared/usecases/accounts/access-token.ts';
import { readConnectedSocialAccounts } from '../../shared/adapters/social/connected-social-accounts.ts';
import { blueskyPublisher } from '../../shared/adapters/social/bluesky/publisher.ts';
import { composedPost } from '../social/social-fixtures.ts';
import { operatorAtprotoApp, startAtprotoFake } from '../support/atproto-fake.ts';
import { movableClock } from '../support/test-app.ts';

const MINUTE = 60_000;
const clock = movableClock();
const sealer = aesGcmSealer(randomBytes(32));
let fake: FakeNetwork;
let control: ReturnType<typeof fakeControl>;
let app: Awaited<ReturnType<typeof operatorAtprotoApp>>;
let provider: OAuthProvider;

const outbound = () => guardedFetch({ standIns: new StandIns([fake.url]) });
const later = (ms: number) => clock.set(new Date(clock.now().getTime() + ms).toISOString());

beforeAll(async () => {
  app = await operatorAtprotoApp();
  fake = await startAtprotoFake(app, clock);
  control = fakeControl(fake.url);
  const found = oauthProviderFor(
    'bluesky',
    { kind: 'app-password' },
    { clientId: app.clientId, privateJwk: app.privateJwk },
  );
  if (!found) throw new Error('no provider for the operator’s Bluesky client');
  provider = found;
});
afterAll(() => fake.close());
beforeEach(() => control.reset());

/** Her account connected by OAuth, and the machinery that keeps it alive. */
const connected = async () => {
  const accounts = memoryConnectedAccounts();
  const notices: ConnectedAccount[] = [];
  const deps: BlueskyOAuthDeps = {
    accounts,
    sealer,
    clock,
    random: () => randomBytes(32).toString('base64url'),
    discover: discoverAtprotoSignIn(outbound(), { handleResolver: fake.url, plcDirectory: fake.url }),
    client: atprotoOAuthClient({ outbound: outbound(), clock, app }),
  };
  const begun = await beginBlueskyOAuth('bluesky', 'dimanche.bsky.social', deps);
  if (!begun.ok) throw new Error(begun.error);
  const { back, callback } = await consent(begun.consentUrl);
  const done = await finishBlueskyOAuth(
    'bluesky',
    { ...callback, iss: back.searchParams.get('iss') ?? '' },
    deps,
  );
  if (!done.ok) throw new Error(done.error);
  const access: AccessDeps = {
    oauth: routedOAuthClient(oauth4webapiClient({ outbound: outbound(), clock }), {
      bluesky: atprotoRefresher({ outbound: outbound(), clock }),
    }),
    accounts,
    sealer,
    clock,
    reconnectNeeded: async (account) => void notices.push(account),
  };
  const tokens = async () =>
    JSON.parse(await sealer.open((await accounts.get('bluesky'))?.sealed ?? '')) as TokenSet;
  return { accounts, access, notices, tokens };
};

describe('Bluesky’s OAuth tokens kept alive by the refresh machinery', () => {
  it('refreshes ahead of expiry at her server, with rotation, the new pair bound to the same DPoP key', async () => {
    const { access, tokens } = await connected();
    const first = await tokens();
    later(50 * MINUTE);

    const result = await accessToken(provider, access);
    expect(result).toMatchObject({ ok: true, refreshed: true });
    const second = await tokens();
    const [before, after] = [
      unbind('refresh', first.refreshToken ?? ''),
      unbind('refresh', second.refreshToken ?? ''),
    ];
    expect(after?.token).not.toBe(before?.token);
    expect(after?.key).toEqual(before?.key);
    expect(unbind('access', second.accessToken)?.token).not.toBe(unbind('access', first.accessToken)?.token);

    later(50 * MINUTE);
    expect(await accessToken(provider, access)).toMatchObject({ ok: true, refreshed: true });
  });

  it('refreshes for the client the grant was given to, whatever client id the provider names (one machine’s)', async () => {
    const { access } = await connected();
    later(50 * MINUTE);

    expect(await accessToken({ ...provider, clientId: '' }, access)).toMatchObject({
      ok: true,
      refreshed: true,
    });
  });

  it('turns "à reconnecter", with one notice, when her server refuses the refresh (the grant revoked)', async () => {
    const { access, tokens, notices, accounts } = await connected();
    const spent = await tokens();
    later(50 * MINUTE);
    await accessToken(provider, access);
    // The spent refresh token presented again: the server revokes the whole grant.
    const replayed = await atprotoRefresher({ outbound: outbound(), clock }).refresh(
      provider,
      spent.refreshToken ?? '',
    );
    expect(replayed).toMatchObject({ ok: false, error: 'refused' });

    later(50 * MINUTE);
    expect(await accessToken(provider, access)).toEqual({ ok: false, error: 'to_reconnect' });
    expect((await accounts.get('bluesky'))?.lastError).toBe('refresh_refused');
    expect(notices).toHaveLength(1);
  });

  it('gives the social worker a live bound token, refreshed ahead, that posts with DPoP', async () => {
    const { access } = await connected();
    later(50 * MINUTE);

    const read = readConnectedSocialAccounts([{ ...provider, id: 'bluesky' }], access);
    const { accounts, unavailable } = await read();
    expect(unavailable).toEqual({});
    const account = accounts.bluesky;
    if (!account) throw new Error('no Bluesky account for the worker');
    const outcome = await blueskyPublisher(account, { clock, timeoutMs: 2_000 }).publish({
      post: composedPost('bluesky'),
      idempotencyKey: 'k-1',
    });

    expect(outcome.kind).toBe('published');
    expect(await control.posts()).toHaveLength(1);
    expect(fake.url).toBe(account.baseUrl);
  });

  it('leaves an app-password account as it is: nothing to refresh', async () => {
    const accounts = memoryConnectedAccounts();
    const { access } = await connected();
    await accounts.put(
      {
        provider: 'bluesky',
        label: '@dimanche.bsky.social',
        state: 'connected',
        sealed: await sealer.seal(JSON.stringify({ accessToken: 'abcd-efgh-ijkl-mnop' })),
        canRefresh: false,
        connectedAt: clock.now().toISOString(),
        version: 1,
      },
      undefined,
    );
    later(24 * 60 * MINUTE);

    expect(await accessToken(provider, { ...access, accounts })).toEqual({
      ok: true,
      accessToken: 'abcd-efgh-ijkl-mnop',
      refreshed: false,
    });
  });
});
