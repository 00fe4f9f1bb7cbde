import { afterEach, describe, expect, it } from 'vitest';
import { accessToken } from '../../shared/usecases/accounts/access-token.ts';
import { beginConnect, finishConnect } from '../../shared/usecases/accounts/connect-account.ts';
import { keepAccountsAlive } from '../../shared/usecases/accounts/keep-accounts-alive.ts';
import type { FakeOAuthPolicy } from '../../infra/local/oauth/fake-authorization-server.ts';
import { consent, HOUR, oauthHarness, X_POLICY } from './oauth-harness.ts';

type Harness = Awaited<ReturnType<typeof oauthHarness>>;
const opened: Harness[] = [];
const connected = async (policy: FakeOAuthPolicy) => {
  const h = await oauthHarness(policy);
  opened.push(h);
  const { callback } = await consent(await beginConnect(h.provider, h.connect));
  const result = await finishConnect(h.provider, callback, h.connect);
  if (!result.ok) throw new Error(`could not connect: ${result.error}`);
  return h;
};
afterEach(async () => {
  await Promise.all(opened.splice(0).map((h) => h.server.close()));
});

const MINUTE = 60_000;
const later = (h: Harness, ms: number) => h.clock.set(new Date(h.clock.now().getTime() + ms).toISOString());
const live = async (h: Harness) => {
  const result = await accessToken(h.provider, h.access);
  if (!result.ok) throw new Error(`no token: ${result.error}`);
  expect(h.server.verify(result.accessToken), 'the network takes the token').toBeDefined();
  return result;
};
const reconnect = async (h: Harness) => {
  const { callback } = await consent(await beginConnect(h.provider, h.connect));
  expect((await finishConnect(h.provider, callback, h.connect)).ok).toBe(true);
};

describe('a token endpoint that rate-limits (X: 429, x-rate-limit-reset, no Retry-After)', () => {
  it('keeps the live token, asks nothing more until the reset, then refreshes', async () => {
    // One token request per 15 minutes: connecting spent this window's.
    const h = await connected({ ...X_POLICY, rateLimit: { limit: 1, windowMs: 15 * MINUTE } });
    later(h, MINUTE);
    expect(await keepAccountsAlive([h.provider], h.access, 3 * HOUR)).toEqual({ x: 'fresh' });
    expect(h.server.tokenRequests().refresh_token).toBe(1);
    expect(await keepAccountsAlive([h.provider], h.access, 3 * HOUR)).toEqual({ x: 'fresh' });
    expect(h.server.tokenRequests().refresh_token, 'no second try before the reset').toBe(1);
    expect((await live(h)).refreshed).toBe(false);

    later(h, 15 * MINUTE);
    expect(await keepAccountsAlive([h.provider], h.access, 3 * HOUR)).toEqual({ x: 'refreshed' });
    expect(await h.accounts.get('x')).not.toHaveProperty('refreshBlockedUntil');
    expect(h.notices).toEqual([]);
  });

  it('never turns a rate-limited account "à reconnecter", even with its token dead', async () => {
    const h = await connected(X_POLICY);
    later(h, 3 * HOUR);
    const reset = Math.ceil((h.clock.now().getTime() + 10 * MINUTE) / 1000);
    h.server.nextTokenAnswer({
      status: 429,
      headers: { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(reset) },
      body: { errors: [{ code: 88, message: 'Rate limit exceeded' }] },
    });
    expect(await accessToken(h.provider, h.access)).toEqual({ ok: false, error: 'unavailable' });
    expect(await accessToken(h.provider, h.access)).toEqual({ ok: false, error: 'unavailable' });
    expect(h.server.tokenRequests().refresh_token).toBe(1);
    expect(await h.accounts.get('x')).toMatchObject({
      state: 'connected',
      refreshBlockedUntil: new Date(reset * 1000).toISOString(),
    });

    later(h, 10 * MINUTE);
    expect((await live(h)).refreshed).toBe(true);
    expect(h.notices).toEqual([]);
  });

  it('does not take a rate-limit answer in OAuth words for a refused grant', async () => {
    const h = await connected(X_POLICY);
    later(h, 3 * HOUR);
    h.server.nextTokenAnswer({ status: 429, body: { error: 'slow_down' }, headers: { 'retry-after': '30' } });
    expect(await accessToken(h.provider, h.access)).toEqual({ ok: false, error: 'unavailable' });
    later(h, 30_000);
    expect((await live(h)).refreshed).toBe(true);
    expect(h.notices).toEqual([]);
  });
});

describe('a refresh answered twice, or not at all', () => {
  it('X (no grace): an answer lost after the rotation leaves a dead grant: "à reconnecter", one mail, kept', async () => {
    const h = await connected(X_POLICY);
    later(h, 3 * HOUR);
    h.server.nextTokenAnswer({ lostAnswer: true });
    expect(await accessToken(h.provider, h.access)).toEqual({ ok: false, error: 'unavailable' });
    // The only refresh token in hand was spent by the request whose answer was lost: X refuses its reuse.
    expect(await accessToken(h.provider, h.access)).toEqual({ ok: false, error: 'to_reconnect' });
    expect(await keepAccountsAlive([h.provider], h.access, HOUR)).toEqual({ x: 'to_reconnect' });
    expect(h.server.tokenRequests().refresh_token, 'no refresh storm on a dead grant').toBe(2);
    expect(h.notices.map((n) => [n.provider, n.lastError])).toEqual([['x', 'refresh_refused']]);
    expect(await h.accounts.get('x')).toMatchObject({ state: 'to_reconnect', label: '@dimanche_fm' });

    await reconnect(h);
    expect((await live(h)).refreshed).toBe(false);
  });

  it('with a grace on reuse: the retry after a lost answer gets the same answer again, and all goes on', async () => {
    const h = await connected({ ...X_POLICY, reuseGraceMs: MINUTE });
    later(h, 3 * HOUR);
    h.server.nextTokenAnswer({ lostAnswer: true });
    expect(await accessToken(h.provider, h.access)).toEqual({ ok: false, error: 'unavailable' });
    expect((await live(h)).refreshed).toBe(true);
    later(h, 3 * HOUR);
    expect((await live(h)).refreshed).toBe(true);
    expect(h.notices).toEqual([]);
  });

  it('with a grace on reuse: a replayed request after a success changes nothing', async () => {
    const h = await connected({ ...X_POLICY, reuseGraceMs: MINUTE });
    later(h, 3 * HOUR);
    h.server.nextTokenAnswer({ replay: true });
    expect((await live(h)).refreshed).toBe(true);
    later(h, 3 * HOUR);
    expect((await live(h)).refreshed).toBe(true);
    expect(h.notices).toEqual([]);
  });

  it('X (no grace): a replayed request after a success kills the family; she is told once, and reconnects', async () => {
    const h = await connected(X_POLICY);
    later(h, 3 * HOUR);
    h.server.nextTokenAnswer({ replay: true });
    const first = await accessToken(h.provider, h.access);
    expect(first).toMatchObject({ ok: true, refreshed: true });
    if (first.ok) expect(h.server.verify(first.accessToken), 'the family was revoked').toBeUndefined();
    later(h, 3 * HOUR);
    expect(await accessToken(h.provider, h.access)).toEqual({ ok: false, error: 'to_reconnect' });
    expect(await accessToken(h.provider, h.access)).toEqual({ ok: false, error: 'to_reconnect' });
    expect(h.notices).toHaveLength(1);

    await reconnect(h);
    later(h, 3 * HOUR);
    expect((await live(h)).refreshed).toBe(true);
  });
});
