import { afterEach, describe, expect, it } from 'vitest';
import { accessToken } from '../../shared/usecases/accounts/access-token.ts';
import { beginConnect, finishConnect } from '../../shared/usecases/accounts/connect-account.ts';
import { consent, LINKEDIN_POLICY, oauthHarness, X_POLICY } from './oauth-harness.ts';

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

const stored = async (h: Harness) => {
  const result = await accessToken(h.provider, h.access);
  if (!result.ok) throw new Error(`no token: ${result.error}`);
  return result.accessToken;
};

describe('a token the network refused at post (401, Meta code 190)', () => {
  it('is refreshed at once, well before its expiry, and the network takes the new one', async () => {
    const h = await connected(X_POLICY);
    const refused = await stored(h);
    const result = await accessToken(h.provider, h.access, { refused });
    expect(result).toMatchObject({ ok: true, refreshed: true });
    if (!result.ok) return;
    expect(result.accessToken).not.toBe(refused);
    expect(h.server.verify(result.accessToken)).toBeDefined();
    expect(h.server.tokenRequests().refresh_token).toBe(1);
  });

  it('is refreshed once when two posts were refused with the same token: the second gets the new one', async () => {
    const h = await connected(X_POLICY);
    const refused = await stored(h);
    const first = await accessToken(h.provider, h.access, { refused });
    const second = await accessToken(h.provider, h.access, { refused });
    expect(second).toEqual({ ...first, refreshed: false });
    expect(h.server.tokenRequests().refresh_token).toBe(1);
  });

  it('turns "à reconnecter" with one mail when nothing can refresh it (LinkedIn)', async () => {
    const h = await connected(LINKEDIN_POLICY, { id: 'linkedin' });
    const refused = await stored(h);
    expect(await accessToken(h.provider, h.access, { refused })).toEqual({
      ok: false,
      error: 'to_reconnect',
    });
    expect(await h.accounts.get('linkedin')).toMatchObject({ state: 'to_reconnect', lastError: 'revoked' });
    expect(await accessToken(h.provider, h.access, { refused })).toEqual({
      ok: false,
      error: 'to_reconnect',
    });
    expect(h.notices.map((account) => account.provider)).toEqual(['linkedin']);
  });

  it('is used while it lives when only the account is known (no provider to refresh it)', async () => {
    const h = await connected(X_POLICY);
    const token = await stored(h);
    expect(await accessToken({ id: 'x' }, h.access)).toEqual({
      ok: true,
      accessToken: token,
      refreshed: false,
    });
    expect(await accessToken({ id: 'x' }, h.access, { refused: token })).toEqual({
      ok: false,
      error: 'to_reconnect',
    });
  });
});
