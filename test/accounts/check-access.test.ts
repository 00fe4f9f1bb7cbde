import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFacebookFake, type FacebookFake } from '../../infra/local/social/facebook/fake.ts';
import { signInToFacebook } from '../../infra/local/social/facebook/stand-in.ts';
import { fakeControl } from '../../infra/local/social/fake-control.ts';
import { startMastodonFake, type MastodonFake } from '../../infra/local/social/mastodon/fake.ts';
import { signInToMastodon } from '../../infra/local/social/mastodon/stand-in.ts';
import { aesGcmSealer } from '../../shared/adapters/crypto/aes-gcm-sealer.ts';
import { guardedFetch } from '../../shared/adapters/http/guarded-fetch.ts';
import { StandIns } from '../../shared/adapters/http/stand-ins.ts';
import { memoryConnectedAccounts } from '../../shared/adapters/memory/connected-account-store.ts';
import { oauth4webapiClient } from '../../shared/adapters/oauth/oauth4webapi-client.ts';
import { facebookCheckAccess } from '../../shared/adapters/social/facebook/check-access.ts';
import { mastodonCheckAccess } from '../../shared/adapters/social/mastodon/check-access.ts';
import type { ConnectedAccount } from '../../shared/domain/accounts/connected-account.ts';
import type { CheckAccess } from '../../shared/ports/access-check.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import type { AccessDeps } from '../../shared/usecases/accounts/access-token.ts';
import { keepAccountsAlive } from '../../shared/usecases/accounts/keep-accounts-alive.ts';
import { movableClock } from '../support/test-app.ts';

const PAGE = '104857600123456';
const HOUR = 3_600_000;
const later = (clock: ReturnType<typeof movableClock>, ms: number) =>
  clock.set(new Date(clock.now().getTime() + ms).toISOString());
let facebook: FacebookFake;
let mastodon: MastodonFake;
let pageToken = '';
let mastodonToken = '';
let outbound: ReturnType<typeof guardedFetch>;

beforeAll(async () => {
  [facebook, mastodon] = await Promise.all([startFacebookFake({ pageId: PAGE }), startMastodonFake()]);
  pageToken = await signInToFacebook(facebook, systemClock, PAGE);
  mastodonToken = (await signInToMastodon(mastodon, systemClock)).accessToken;
  outbound = guardedFetch({ standIns: new StandIns([facebook.url, mastodon.url]) });
});
afterAll(async () => {
  await facebook.close();
  await mastodon.close();
});

const pageProfile = () => ({ baseUrl: facebook.url, pageId: PAGE, graphVersion: 'v21.0' });

describe('checking a token the network never expires, at the network', () => {
  it('finds a Facebook Page token live, and revoked once she changes her password (code 190)', async () => {
    const check = facebookCheckAccess(outbound);
    expect(await check(pageProfile(), pageToken)).toBe('live');
    expect(await check(pageProfile(), 'EAAGnot-a-token')).toBe('revoked');
    // A network's bad minute, or an answer that says nothing of the token, tells her nothing.
    await fakeControl(facebook.url).queue(
      { match: `/${PAGE}`, status: 500, body: { error: { code: 1, message: 'An unknown error' } } },
      { match: `/${PAGE}`, status: 400, body: { error: { code: 4, message: 'Application request limit' } } },
    );
    expect(await check(pageProfile(), pageToken)).toBe('unknown');
    expect(await check(pageProfile(), pageToken)).toBe('unknown');
    // Her profile without a Page: nothing to ask.
    expect(await check({ baseUrl: facebook.url }, pageToken)).toBe('unknown');
  });

  it('finds a Mastodon token live, and revoked (401) once the app is revoked; no answer is unknown', async () => {
    const check = mastodonCheckAccess(outbound);
    expect(await check({ baseUrl: mastodon.url }, mastodonToken)).toBe('live');
    expect(await check({ baseUrl: mastodon.url }, 'not-a-token')).toBe('revoked');
    expect(await check({ baseUrl: 'http://127.0.0.1:9' }, mastodonToken)).toBe('unknown');
  });

  it('never sends the token to an address the guarded client refuses: unknown, nobody told to reconnect', async () => {
    const control = fakeControl(facebook.url);
    const before = (await control.requests()).length;
    const guarded = guardedFetch({ standIns: new StandIns([]) });
    expect(await facebookCheckAccess(guarded)(pageProfile(), pageToken)).toBe('unknown');
    expect((await control.requests()).length).toBe(before);
  });
});

/** Her Page connected in memory, as the studio's "Connecter" leaves it: no expiry, nothing to refresh with. */
const connectedPage = async (token: string) => {
  const clock = movableClock();
  const accounts = memoryConnectedAccounts();
  const sealer = aesGcmSealer(randomBytes(32));
  const notices: ConnectedAccount[] = [];
  const account: ConnectedAccount = {
    provider: 'facebook',
    label: 'Dimanche',
    profile: pageProfile(),
    state: 'connected',
    sealed: await sealer.seal(JSON.stringify({ accessToken: token })),
    canRefresh: false,
    connectedAt: clock.now().toISOString(),
    version: 1,
  };
  await accounts.put(account, undefined);
  const access: AccessDeps = {
    oauth: oauth4webapiClient({ outbound, clock }),
    accounts,
    sealer,
    clock,
    reconnectNeeded: async (broken) => void notices.push(broken),
  };
  return { clock, accounts, access, notices };
};

describe('the keep-alive job, for a token that never expires', () => {
  it('asks the network every six hours, not every run, and stamps when it found it live', async () => {
    const page = await connectedPage(pageToken);
    const asked: string[] = [];
    const counting: CheckAccess = async (profile, token) => {
      asked.push(token);
      return facebookCheckAccess(outbound)(profile, token);
    };
    const checks = { checkOf: (id: string) => (id === 'facebook' ? counting : undefined) };
    expect(await keepAccountsAlive([{ id: 'facebook' }], page.access, HOUR, checks)).toEqual({
      facebook: 'checked',
    });
    expect((await page.accounts.get('facebook'))?.checkedAt).toBe(page.clock.now().toISOString());
    later(page.clock, 5 * HOUR);
    expect(await keepAccountsAlive([{ id: 'facebook' }], page.access, HOUR, checks)).toEqual({
      facebook: 'fresh',
    });
    later(page.clock, HOUR);
    expect(await keepAccountsAlive([{ id: 'facebook' }], page.access, HOUR, checks)).toEqual({
      facebook: 'checked',
    });
    expect(asked).toHaveLength(2);
    expect(page.notices).toEqual([]);
  });

  it('turns a revoked Page token "à reconnecter" before Sunday, with one mail however often it runs', async () => {
    const page = await connectedPage('EAAGrevoked-since-her-password-change');
    const checks = { checkOf: () => facebookCheckAccess(outbound) };
    expect(await keepAccountsAlive([{ id: 'facebook' }], page.access, HOUR, checks)).toEqual({
      facebook: 'to_reconnect',
    });
    later(page.clock, 7 * HOUR);
    expect(await keepAccountsAlive([{ id: 'facebook' }], page.access, HOUR, checks)).toEqual({
      facebook: 'to_reconnect',
    });
    expect(await page.accounts.get('facebook')).toMatchObject({
      state: 'to_reconnect',
      lastError: 'revoked',
    });
    expect(page.notices.map((notice) => notice.provider)).toEqual(['facebook']);
  });

  it('keeps the account connected, unstamped, when the network cannot say (asked again next run)', async () => {
    const page = await connectedPage(pageToken);
    const checks = { checkOf: () => async () => 'unknown' as const };
    expect(await keepAccountsAlive([{ id: 'facebook' }], page.access, HOUR, checks)).toEqual({
      facebook: 'fresh',
    });
    const after = await page.accounts.get('facebook');
    expect(after).toMatchObject({ state: 'connected', version: 1 });
    expect(after?.checkedAt).toBeUndefined();
    expect(page.notices).toEqual([]);
  });

  it('leaves a token that refreshes to its refresh: no check is asked', async () => {
    const page = await connectedPage(pageToken);
    const found = await page.accounts.get('facebook');
    await page.accounts.put({ ...found!, canRefresh: true, version: 2 }, 1);
    let asked = 0;
    const checks = {
      checkOf: () => async () => {
        asked += 1;
        return 'revoked' as const;
      },
    };
    expect(await keepAccountsAlive([{ id: 'facebook' }], page.access, HOUR, checks)).toEqual({
      facebook: 'fresh',
    });
    expect(asked).toBe(0);
  });
});
