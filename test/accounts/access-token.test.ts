import { afterEach, describe, expect, it } from 'vitest';
import type { ConnectedAccountStore } from '../../shared/ports/connected-account-store.ts';
import { memoryConnectedAccounts } from '../../shared/adapters/memory/connected-account-store.ts';
import { accessToken } from '../../shared/usecases/accounts/access-token.ts';
import { beginConnect, finishConnect } from '../../shared/usecases/accounts/connect-account.ts';
import { keepAccountsAlive } from '../../shared/usecases/accounts/keep-accounts-alive.ts';
import { consent, DAY, HOUR, LINKEDIN_POLICY, oauthHarness, X_POLICY } from './oauth-harness.ts';

type Harness = Awaited<ReturnType<typeof oauthHarness>>;
const opened: Harness[] = [];
const connected = async (...args: Parameters<typeof oauthHarness>) => {
  const h = await oauthHarness(...args);
  opened.push(h);
  const { callback } = await consent(await beginConnect(h.provider, h.connect));
  const result = await finishConnect(h.provider, callback, h.connect);
  if (!result.ok) throw new Error(`could not connect: ${result.error}`);
  return h;
};
afterEach(async () => {
  await Promise.all(opened.splice(0).map((h) => h.server.close()));
});

const later = (h: Harness, ms: number) => h.clock.set(new Date(h.clock.now().getTime() + ms).toISOString());
const live = async (h: Harness) => {
  const result = await accessToken(h.provider, h.access);
  if (!result.ok) throw new Error(`no token: ${result.error}`);
  expect(h.server.verify(result.accessToken), 'the network takes the token').toBeDefined();
  return result;
};

describe('an access token kept alive (X: 2 hours, refresh tokens rotating on every use)', () => {
  it('hands out the stored token while it lives, without asking the network', async () => {
    const h = await connected(X_POLICY);
    expect((await live(h)).refreshed).toBe(false);
    expect(h.server.tokenRequests().refresh_token).toBe(0);
  });

  it('three hours later, refreshes, saves the rotated refresh token, and the network takes the new token', async () => {
    const h = await connected(X_POLICY);
    later(h, 3 * HOUR);
    expect((await live(h)).refreshed).toBe(true);
    later(h, 3 * HOUR);
    // Only the saved rotated token can have worked: the first one was spent by the first refresh.
    expect((await live(h)).refreshed).toBe(true);
    expect(h.server.tokenRequests().refresh_token).toBe(2);
  });

  it('loses nothing when it crashes between saving the rotated token and using the new access token', async () => {
    const store = memoryConnectedAccounts();
    let crashAfterSave = false;
    const crashing: ConnectedAccountStore = {
      ...store,
      put: async (account, expected) => {
        const saved = await store.put(account, expected);
        if (saved && crashAfterSave && account.refreshedAt) throw new Error('the process died here');
        return saved;
      },
    };
    const h = await connected(X_POLICY, { store: crashing });
    later(h, 3 * HOUR);
    crashAfterSave = true;
    await expect(accessToken(h.provider, h.access)).rejects.toThrow('the process died here');
    crashAfterSave = false;

    // The next run finds the rotated tokens saved: no second refresh, and the network takes the token.
    expect((await live(h)).refreshed).toBe(false);
    later(h, 3 * HOUR);
    expect((await live(h)).refreshed).toBe(true);
    expect(await h.accounts.get('x')).toMatchObject({ state: 'connected' });
  });

  it('spends a refresh token once when two posts ask at the same moment', async () => {
    const h = await connected(X_POLICY);
    later(h, 3 * HOUR);
    h.server.nextTokenAnswer({ delayMs: 50 });
    const results = await Promise.all([accessToken(h.provider, h.access), accessToken(h.provider, h.access)]);
    expect(h.server.tokenRequests().refresh_token).toBe(1);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: 'busy' }]);
    // Asked again, the one that waited gets the refreshed token, and the account stays connected.
    await live(h);
  });

  it('keeps the token it has when the network is down and the token still lives', async () => {
    const h = await connected(X_POLICY);
    later(h, 2 * HOUR - 10 * 60_000);
    h.server.nextTokenAnswer({ status: 503 });
    expect((await live(h)).refreshed).toBe(false);
    // The lease was let go: the next call refreshes.
    expect((await live(h)).refreshed).toBe(true);
  });

  it('turns "à reconnecter" when she removed the app on the network, and mails her once', async () => {
    const h = await connected(X_POLICY);
    h.server.revokeAll();
    later(h, 3 * HOUR);
    expect(await accessToken(h.provider, h.access)).toEqual({ ok: false, error: 'to_reconnect' });
    expect(await accessToken(h.provider, h.access)).toEqual({ ok: false, error: 'to_reconnect' });
    expect(h.notices).toHaveLength(1);
    expect(h.notices[0]).toMatchObject({
      provider: 'x',
      state: 'to_reconnect',
      lastError: 'refresh_refused',
    });
  });

  it('is refreshed ahead by the scheduled job, so Sunday’s posts never wait on a refresh', async () => {
    const h = await connected(X_POLICY);
    later(h, HOUR + 30 * 60_000);
    expect(await keepAccountsAlive([h.provider], h.access, HOUR)).toEqual({ x: 'refreshed' });
    expect(await keepAccountsAlive([h.provider], h.access, HOUR)).toEqual({ x: 'fresh' });
  });
});

describe('an access token that cannot be refreshed (LinkedIn: 60 days)', () => {
  it('posts for 60 days, then turns "à reconnecter" with one mail, and works again once reconnected', async () => {
    const h = await connected(LINKEDIN_POLICY, { id: 'linkedin' });
    later(h, 59 * DAY);
    await live(h);
    later(h, 2 * DAY);
    expect(await accessToken(h.provider, h.access)).toEqual({ ok: false, error: 'to_reconnect' });
    expect(await keepAccountsAlive([h.provider], h.access, HOUR)).toEqual({ linkedin: 'to_reconnect' });
    expect(h.notices.map((n) => [n.provider, n.lastError])).toEqual([['linkedin', 'expired']]);

    const { callback } = await consent(await beginConnect(h.provider, h.connect));
    expect((await finishConnect(h.provider, callback, h.connect)).ok).toBe(true);
    await live(h);
  });
});
