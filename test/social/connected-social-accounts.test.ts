import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aesGcmSealer } from '../../shared/adapters/crypto/aes-gcm-sealer.ts';
import { memoryConnectedAccounts } from '../../shared/adapters/memory/connected-account-store.ts';
import { readConnectedSocialAccounts } from '../../shared/adapters/social/connected-social-accounts.ts';
import type { ConnectedAccount } from '../../shared/domain/accounts/connected-account.ts';
import type { OAuthClient } from '../../shared/ports/oauth-client.ts';
import type { AccessDeps } from '../../shared/usecases/accounts/access-token.ts';
import { movableClock } from '../support/test-app.ts';

const noNetwork: OAuthClient = {
  authorizationUrl: async () => 'https://nowhere.invalid/',
  exchangeCode: async () => ({ ok: false, error: 'unavailable', detail: 'not asked' }),
  refresh: async () => ({ ok: false, error: 'unavailable', detail: 'not asked' }),
  revoke: async () => {},
};

const setup = () => {
  const clock = movableClock();
  const sealer = aesGcmSealer(randomBytes(32));
  const accounts = memoryConnectedAccounts();
  const deps: AccessDeps = { oauth: noNetwork, accounts, sealer, clock, reconnectNeeded: async () => {} };
  const connect = async (provider: string, accessToken: string, rest: Partial<ConnectedAccount>) =>
    accounts.put(
      {
        provider,
        label: provider,
        state: 'connected',
        sealed: await sealer.seal(JSON.stringify({ accessToken })),
        canRefresh: false,
        connectedAt: clock.now().toISOString(),
        version: 1,
        ...rest,
      },
      undefined,
    );
  return { clock, deps, connect };
};

describe('the publishers’ accounts, from her connected accounts', () => {
  it('are each connection’s profile with the live token in the network’s secret field, and its expiry', async () => {
    const { clock, deps, connect } = setup();
    const expiresAt = new Date(clock.now().getTime() + 7_200_000).toISOString();
    await connect('x', 'x-token', {
      profile: { baseUrl: 'https://api.x.com', username: 'dimanche_fm' },
      accessExpiresAt: expiresAt,
    });
    await connect('facebook', 'page-token', {
      profile: { baseUrl: 'https://graph.facebook.com', pageId: '1048', graphVersion: 'v21.0' },
    });
    await connect('bluesky', 'app-pass-word', {
      profile: { baseUrl: 'https://bsky.social', identifier: 'dimanche.bsky.social' },
    });
    // An instance may say when its token ends; Mastodon's account has no expiry to check.
    await connect('mastodon', 'masto-token', {
      profile: { baseUrl: 'https://piaille.fr' },
      accessExpiresAt: '2036-11-24T10:00:00Z',
    });
    const read = readConnectedSocialAccounts(
      [{ id: 'x' }, { id: 'facebook' }, { id: 'bluesky' }, { id: 'mastodon' }],
      deps,
    );
    const { accounts, unavailable } = await read();
    expect({ accounts, unavailable }).toEqual({
      accounts: {
        x: { baseUrl: 'https://api.x.com', username: 'dimanche_fm', accessToken: 'x-token', expiresAt },
        facebook: {
          baseUrl: 'https://graph.facebook.com',
          pageId: '1048',
          graphVersion: 'v21.0',
          pageAccessToken: 'page-token',
        },
        bluesky: {
          baseUrl: 'https://bsky.social',
          identifier: 'dimanche.bsky.social',
          appPassword: 'app-pass-word',
        },
        mastodon: { baseUrl: 'https://piaille.fr', accessToken: 'masto-token' },
      },
      unavailable: {},
    });
  });

  it('leave out, with a French reason, a network not connected, one to reconnect, and one whose token died', async () => {
    const { clock, deps, connect } = setup();
    await connect('linkedin', 'li-token', {
      profile: { baseUrl: 'https://api.linkedin.com', author: 'urn:li:person:1', version: '202611' },
      accessExpiresAt: new Date(clock.now().getTime() + 60_000).toISOString(),
    });
    await connect('threads', 'th-token', { state: 'to_reconnect' });
    clock.set(new Date(clock.now().getTime() + 120_000).toISOString());
    const read = readConnectedSocialAccounts([{ id: 'x' }, { id: 'linkedin' }, { id: 'threads' }], deps);
    const { accounts, unavailable } = await read();
    expect(accounts).toEqual({});
    expect(unavailable.x?.detail).toMatch(/^non connecté/);
    expect(unavailable.linkedin?.detail).toMatch(/^à reconnecter/);
    expect(unavailable.threads?.detail).toMatch(/^à reconnecter/);
    expect(Object.values(unavailable).every((why) => why.retryAfterMs === undefined)).toBe(true);
  });

  it('leave out a connection whose profile lacks a field the publisher needs: she reconnects', async () => {
    const { deps, connect } = setup();
    await connect('x', 'x-token', { profile: { baseUrl: 'https://api.x.com' } });
    const { accounts, unavailable } = await readConnectedSocialAccounts([{ id: 'x' }], deps)();
    expect(accounts).toEqual({});
    expect(unavailable.x?.detail).toMatch(/^à reconnecter/);
  });
});
