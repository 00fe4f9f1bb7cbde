import { afterEach, describe, expect, it } from 'vitest';
import { beginConnect, finishConnect } from '../../shared/usecases/accounts/connect-account.ts';
import { consent, oauthHarness, REDIRECT_URI, X_POLICY } from './oauth-harness.ts';

type Harness = Awaited<ReturnType<typeof oauthHarness>>;
const opened: Harness[] = [];
const harness = async (...args: Parameters<typeof oauthHarness>) => {
  const h = await oauthHarness(...args);
  opened.push(h);
  return h;
};
afterEach(async () => {
  await Promise.all(opened.splice(0).map((h) => h.server.close()));
});

describe('connecting a network with its own sign-in (OAuth 2.0 with PKCE)', () => {
  it('goes from "Connecter" to the consent page and back to a connected account, tokens sealed', async () => {
    const h = await harness(X_POLICY);
    const url = new URL(await beginConnect(h.provider, h.connect));
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    const { callback } = await consent(url.href);

    const result = await finishConnect(h.provider, callback, h.connect);

    expect(result).toMatchObject({
      ok: true,
      account: { label: '@dimanche_fm', state: 'connected', canRefresh: true },
    });
    const stored = await h.accounts.get('x');
    expect(stored?.accessExpiresAt).toBe('2026-11-24T12:00:00.000Z');
    // Sealed at rest: nothing of the tokens is readable in what is stored.
    const opened = JSON.parse(await h.connect.sealer.open(stored?.sealed ?? '')) as { accessToken: string };
    expect(h.server.verify(opened.accessToken)?.subject).toBe('@dimanche_fm');
    expect(JSON.stringify(stored)).not.toContain(opened.accessToken);
  });

  it('finishes a sign-in once: the same callback again (Back, a double submit) connects nothing more', async () => {
    const h = await harness(X_POLICY);
    const { callback } = await consent(await beginConnect(h.provider, h.connect));
    expect((await finishConnect(h.provider, callback, h.connect)).ok).toBe(true);
    const version = (await h.accounts.get('x'))?.version;

    expect(await finishConnect(h.provider, callback, h.connect)).toEqual({
      ok: false,
      error: 'unknown_state',
    });
    expect((await h.accounts.get('x'))?.version).toBe(version);
    expect(h.server.tokenRequests().authorization_code).toBe(1);
  });

  it('refuses a callback whose state was never given here, or came too late', async () => {
    const h = await harness(X_POLICY);
    const { callback } = await consent(await beginConnect(h.provider, h.connect));
    expect(await finishConnect(h.provider, { ...callback, state: 'forged' }, h.connect)).toEqual({
      ok: false,
      error: 'unknown_state',
    });
    h.clock.set('2026-11-24T10:11:00Z');
    expect(await finishConnect(h.provider, callback, h.connect)).toEqual({
      ok: false,
      error: 'unknown_state',
    });
    expect(await h.accounts.get('x')).toBeUndefined();
  });

  it('says she declined when she pressed Cancel on the network, and keeps nothing', async () => {
    const h = await harness(X_POLICY);
    const { callback } = await consent(await beginConnect(h.provider, h.connect), 'deny');
    expect(await finishConnect(h.provider, callback, h.connect)).toEqual({ ok: false, error: 'denied' });
    expect(await h.accounts.get('x')).toBeUndefined();
  });

  it('is refused by the network when the PKCE verifier does not match the challenge', async () => {
    const h = await harness(X_POLICY);
    const url = new URL(await beginConnect(h.provider, h.connect));
    // Someone else's challenge in the address: the code comes back, but our verifier cannot redeem it.
    url.searchParams.set('code_challenge', 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    const { callback } = await consent(url.href);
    expect(await finishConnect(h.provider, callback, h.connect)).toEqual({ ok: false, error: 'refused' });
  });

  it('says the network is unavailable when its token endpoint answers 503, and a new sign-in then works', async () => {
    const h = await harness(X_POLICY);
    const first = await consent(await beginConnect(h.provider, h.connect));
    h.server.nextTokenAnswer({ status: 503 });
    expect(await finishConnect(h.provider, first.callback, h.connect)).toEqual({
      ok: false,
      error: 'unavailable',
    });
    const second = await consent(await beginConnect(h.provider, h.connect));
    expect((await finishConnect(h.provider, second.callback, h.connect)).ok).toBe(true);
  });

  it('gets an error page, never a redirect, from the network when the redirect address is not the registered one', async () => {
    const h = await harness(X_POLICY);
    const url = new URL(await beginConnect(h.provider, h.connect));
    url.searchParams.set('redirect_uri', 'https://attacker.example/callback');
    const answer = await fetch(url, { redirect: 'manual' });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('location')).toBeNull();
  });

  it('reconnecting replaces a broken account with a working one', async () => {
    const h = await harness(X_POLICY);
    const first = await consent(await beginConnect(h.provider, h.connect));
    await finishConnect(h.provider, first.callback, h.connect);
    const broken = await h.accounts.get('x');
    if (!broken) throw new Error('not connected');
    await h.accounts.put({ ...broken, state: 'to_reconnect', version: broken.version + 1 }, broken.version);
    const again = await consent(await beginConnect(h.provider, h.connect));
    expect(await finishConnect(h.provider, again.callback, h.connect)).toMatchObject({
      ok: true,
      account: { state: 'connected' },
    });
  });
});
