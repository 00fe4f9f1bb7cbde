import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { signInLocally } from '../../infra/local/oauth/local-sign-in.ts';
import { startBlueskyFake } from '../../infra/local/social/bluesky/fake.ts';
import { startFacebookFake } from '../../infra/local/social/facebook/fake.ts';
import { signInToFacebook } from '../../infra/local/social/facebook/stand-in.ts';
import { startLinkedInFake } from '../../infra/local/social/linkedin/fake.ts';
import { startThreadsFake } from '../../infra/local/social/threads/fake.ts';
import { signInToThreads } from '../../infra/local/social/threads/stand-in.ts';
import { startXFake } from '../../infra/local/social/x/fake.ts';
import { threadsLongLivedTokens } from '../../shared/adapters/oauth/threads-long-lived.ts';
import { aesGcmSealer } from '../../shared/adapters/crypto/aes-gcm-sealer.ts';
import { guardedFetch } from '../../shared/adapters/http/guarded-fetch.ts';
import { StandIns } from '../../shared/adapters/http/stand-ins.ts';
import { memoryConnectedAccounts } from '../../shared/adapters/memory/connected-account-store.ts';
import { oauth4webapiClient } from '../../shared/adapters/oauth/oauth4webapi-client.ts';
import type { ConnectedAccount } from '../../shared/domain/accounts/connected-account.ts';
import { accessToken } from '../../shared/usecases/accounts/access-token.ts';
import { movableClock } from '../support/test-app.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const closing: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closing.splice(0).map((close) => close()));
});

const later = (clock: ReturnType<typeof movableClock>, ms: number) =>
  clock.set(new Date(clock.now().getTime() + ms).toISOString());
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const me = (url: string, token: string) => fetch(`${url}/2/users/me`, { headers: bearer(token) });
const linkedInPost = (url: string, token: string) =>
  fetch(`${url}/rest/posts`, {
    method: 'POST',
    headers: { ...bearer(token), 'linkedin-version': '202611', 'x-restli-protocol-version': '2.0.0' },
    body: '{}',
  });

describe('the X fake speaks X’s sign-in: PKCE, 2-hour tokens on the Clock, rotating refresh tokens', () => {
  it('takes a token from its consent page for 2 hours, then 401; a refresh with rotation brings it back', async () => {
    const clock = movableClock();
    const x = await startXFake({ clock });
    closing.push(x.close);
    const { provider, app, server } = x.signIn;
    const tokens = await signInLocally(provider, app, clock);
    expect(tokens.refreshToken, 'offline.access gives a refresh token').toBeDefined();
    expect((await me(x.url, tokens.accessToken)).status).toBe(200);
    expect((await me(x.url, 'a-token-x-never-issued')).status).toBe(401);

    later(clock, 2 * HOUR + 1);
    expect((await me(x.url, tokens.accessToken)).status).toBe(401);

    // Connected the ordinary way, the account is kept alive by the access-token use case.
    const accounts = memoryConnectedAccounts();
    const sealer = aesGcmSealer(randomBytes(32));
    const account: ConnectedAccount = {
      provider: 'x',
      label: '@dimanche_fm',
      state: 'connected',
      sealed: await sealer.seal(JSON.stringify(tokens)),
      accessExpiresAt: tokens.accessExpiresAt ?? '',
      canRefresh: true,
      connectedAt: clock.now().toISOString(),
      version: 1,
    };
    await accounts.put(account, undefined);
    const oauth = oauth4webapiClient({
      outbound: guardedFetch({ standIns: new StandIns([server.origin]) }),
      clock,
    });
    const deps = { oauth, accounts, sealer, clock, reconnectNeeded: async () => undefined };
    const fresh = await accessToken(provider, deps);
    expect(fresh).toMatchObject({ ok: true, refreshed: true });
    if (fresh.ok) expect((await me(x.url, fresh.accessToken)).status).toBe(200);
    // The refresh token it started with was spent: presenting it again kills the family (X's rotation).
    expect(await oauth.refresh(provider, tokens.refreshToken ?? '')).toMatchObject({ error: 'refused' });
    if (fresh.ok) expect((await me(x.url, fresh.accessToken)).status).toBe(401);
  });

  it('answers 401 once she removed the app from her account', async () => {
    const clock = movableClock();
    const x = await startXFake({ clock });
    closing.push(x.close);
    const tokens = await signInLocally(x.signIn.provider, x.signIn.app, clock);
    x.signIn.server.revokeAll();
    expect((await me(x.url, tokens.accessToken)).status).toBe(401);
  });
});

describe('the LinkedIn fake speaks LinkedIn’s: a 60-day member token and no refresh', () => {
  it('takes the token for 60 days of the Clock, then 401 INVALID_ACCESS_TOKEN, with nothing to refresh', async () => {
    const clock = movableClock();
    const linkedIn = await startLinkedInFake({ author: 'urn:li:organization:5515715', clock });
    closing.push(linkedIn.close);
    const tokens = await signInLocally(linkedIn.signIn.provider, linkedIn.signIn.app, clock);
    expect(tokens.refreshToken).toBeUndefined();
    expect(Date.parse(tokens.accessExpiresAt ?? '') - clock.now().getTime()).toBe(60 * DAY);
    expect((await linkedInPost(linkedIn.url, tokens.accessToken)).status).not.toBe(401);

    later(clock, 60 * DAY + 1);
    const refused = await linkedInPost(linkedIn.url, tokens.accessToken);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 'INVALID_ACCESS_TOKEN' });
  });

  it('answers 401 to a revoked token', async () => {
    const clock = movableClock();
    const linkedIn = await startLinkedInFake({ author: 'urn:li:organization:5515715', clock });
    closing.push(linkedIn.close);
    const tokens = await signInLocally(linkedIn.signIn.provider, linkedIn.signIn.app, clock);
    linkedIn.signIn.server.revokeAll();
    expect((await linkedInPost(linkedIn.url, tokens.accessToken)).status).toBe(401);
  });
});

describe('the Threads fake speaks Meta’s: a short-lived token traded for 60 days, renewed with th_refresh_token', () => {
  const threadsMe = (url: string, token: string) =>
    fetch(`${url}/v1.0/me/threads?access_token=${encodeURIComponent(token)}`);
  const setUp = async () => {
    const clock = movableClock();
    const threads = await startThreadsFake({ userId: '17841400000000001', clock });
    closing.push(threads.close);
    const longLived = threadsLongLivedTokens({
      outbound: guardedFetch({ standIns: new StandIns([threads.url]) }),
      clock,
      graphOrigin: threads.url,
    });
    return { clock, threads, longLived };
  };

  it('opens the API only with the 60-day token, renews it after a day, and answers 190 once it died', async () => {
    const { clock, threads, longLived } = await setUp();
    const short = await signInLocally(threads.signIn.provider, threads.signIn.app, clock);
    const shortAnswer = await threadsMe(threads.url, short.accessToken);
    expect(shortAnswer.status).toBe(400);
    expect(await shortAnswer.json()).toMatchObject({ error: { code: 190 } });

    const exchanged = await longLived.exchange(threads.signIn.provider, short.accessToken);
    if (!exchanged.ok) throw new Error(exchanged.detail);
    expect(Date.parse(exchanged.tokens.accessExpiresAt ?? '') - clock.now().getTime()).toBe(60 * DAY);
    expect((await threadsMe(threads.url, exchanged.tokens.accessToken)).status).toBe(200);
    expect(await longLived.renew(threads.signIn.provider, exchanged.tokens.accessToken)).toMatchObject({
      ok: false,
    });

    later(clock, 59 * DAY);
    const renewed = await longLived.renew(threads.signIn.provider, exchanged.tokens.accessToken);
    if (!renewed.ok) throw new Error(renewed.detail);
    later(clock, 2 * DAY);
    expect((await threadsMe(threads.url, exchanged.tokens.accessToken)).status).toBe(400);
    expect((await threadsMe(threads.url, renewed.tokens.accessToken)).status).toBe(200);
    expect(await longLived.renew(threads.signIn.provider, exchanged.tokens.accessToken)).toMatchObject({
      ok: false,
      error: 'refused',
    });
  });

  it('answers 190 to every token once she removed the app', async () => {
    const { clock, threads } = await setUp();
    const tokens = await signInToThreads(threads, clock);
    threads.revokeAll();
    expect(await (await threadsMe(threads.url, tokens.accessToken)).json()).toMatchObject({
      error: { code: 190 },
    });
  });
});

describe('the Facebook fake speaks Facebook Login: a user token, then the Page token from /me/accounts', () => {
  const feed = (url: string, token: string) =>
    fetch(`${url}/v21.0/104857600123456/feed`, {
      method: 'POST',
      body: new URLSearchParams({ message: 'Dimanche #34', access_token: token }),
    });

  it('posts only with the Page token, and answers 190 to it once she lost her role', async () => {
    const clock = movableClock();
    const facebook = await startFacebookFake({ pageId: '104857600123456', clock });
    closing.push(facebook.close);
    const user = await signInLocally(facebook.signIn.provider, facebook.signIn.app, clock);
    expect(await (await feed(facebook.url, user.accessToken)).json()).toMatchObject({ error: { code: 190 } });

    const pageToken = await signInToFacebook(facebook, clock);
    expect((await feed(facebook.url, pageToken)).status).toBe(200);
    facebook.revokeAll();
    expect(await (await feed(facebook.url, pageToken)).json()).toMatchObject({ error: { code: 190 } });
  });
});

describe('the Bluesky fake’s PDS: app-password logins counted per day, access JWTs for 2 hours of the Clock', () => {
  const xrpc = (url: string, nsid: string, init: RequestInit = {}) => fetch(`${url}/xrpc/${nsid}`, init);
  const login = (url: string) =>
    xrpc(url, 'com.atproto.server.createSession', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: 'dimanche.bsky.social', password: 'app-pass-word-1234' }),
    });

  it('refuses a login past the day’s allowance until the next day, and expires access JWTs', async () => {
    const clock = movableClock('2026-11-24T10:00:00Z');
    const pds = await startBlueskyFake({ appPassword: 'app-pass-word-1234', clock, sessionsPerDay: 3 });
    closing.push(pds.close);
    for (let n = 0; n < 3; n += 1) expect((await login(pds.url)).status).toBe(200);
    const refused = await login(pds.url);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('ratelimit-reset')).toBe(String(Date.parse('2026-11-25T00:00:00Z') / 1000));

    clock.set('2026-11-25T00:00:01Z');
    const session = (await (await login(pds.url)).json()) as { accessJwt: string; refreshJwt: string };
    const mine = (token: string) =>
      xrpc(pds.url, 'com.atproto.server.getSession', { headers: { authorization: `Bearer ${token}` } });
    expect((await mine(session.accessJwt)).status).toBe(200);
    later(clock, 2 * HOUR);
    expect(await (await mine(session.accessJwt)).json()).toMatchObject({ error: 'ExpiredToken' });
    const refreshed = await xrpc(pds.url, 'com.atproto.server.refreshSession', {
      method: 'POST',
      headers: { authorization: `Bearer ${session.refreshJwt}` },
    });
    const next = (await refreshed.json()) as { accessJwt: string };
    expect((await mine(next.accessJwt)).status).toBe(200);
  });
});
