import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aesGcmSealer } from '../../shared/adapters/crypto/aes-gcm-sealer.ts';
import { memoryConnectedAccounts } from '../../shared/adapters/memory/connected-account-store.ts';
import { memoryRateLimits } from '../../shared/adapters/memory/rate-limits.ts';
import { readConnectedSocialAccounts } from '../../shared/adapters/social/connected-social-accounts.ts';
import { importSocialAccounts } from '../../shared/adapters/social/import-social-accounts.ts';
import type { SocialAccounts } from '../../shared/adapters/social/social-accounts.ts';
import type { OAuthClient } from '../../shared/ports/oauth-client.ts';
import { movableClock } from '../support/test-app.ts';

const unused: OAuthClient = {
  authorizationUrl: async () => 'https://nowhere.invalid/',
  exchangeCode: async () => ({ ok: false, error: 'unavailable', detail: 'not asked' }),
  refresh: async () => ({ ok: false, error: 'unavailable', detail: 'not asked' }),
  revoke: async () => {},
};

const mastodon = { baseUrl: 'https://piaille.fr', accessToken: 'masto-token' };
const document: SocialAccounts = {
  x: {
    baseUrl: 'https://api.x.com',
    accessToken: 'x-token-by-hand',
    username: 'dimanche_fm',
    expiresAt: '2026-11-24T12:00:00Z',
  },
  mastodon,
  bluesky: { baseUrl: 'https://bsky.social', identifier: 'dimanche.bsky.social', appPassword: 'abcd-efgh' },
};

describe('the old accounts document, imported once as connected accounts', () => {
  it('keeps each account’s fields as its profile and its secret sealed, and the worker posts with the same accounts', async () => {
    const clock = movableClock('2026-11-24T10:00:00Z');
    const sealer = aesGcmSealer(randomBytes(32));
    const accounts = memoryConnectedAccounts();
    const claims = memoryRateLimits();
    expect(await importSocialAccounts(document, { accounts, sealer, clock, claims })).toEqual({
      imported: ['x', 'mastodon', 'bluesky'],
      kept: [],
      done: [],
    });
    const x = await accounts.get('x');
    expect(x).toMatchObject({
      label: '@dimanche_fm',
      profile: { baseUrl: 'https://api.x.com', username: 'dimanche_fm' },
      accessExpiresAt: '2026-11-24T12:00:00Z',
      canRefresh: false,
      state: 'connected',
    });
    expect(JSON.stringify(await accounts.list())).not.toContain('x-token-by-hand');
    const read = readConnectedSocialAccounts([{ id: 'x' }, { id: 'mastodon' }, { id: 'bluesky' }], {
      oauth: unused,
      accounts,
      sealer,
      clock,
      reconnectNeeded: async () => {},
    });
    expect((await read()).accounts).toEqual({
      x: document.x,
      mastodon: document.mastodon,
      bluesky: document.bluesky,
    });
  });

  it('writes nothing the second time, and leaves a network she connected since as it is', async () => {
    const clock = movableClock();
    const sealer = aesGcmSealer(randomBytes(32));
    const accounts = memoryConnectedAccounts();
    const claims = memoryRateLimits();
    await importSocialAccounts({ mastodon }, { accounts, sealer, clock, claims });
    const before = await accounts.list();
    expect(await importSocialAccounts(document, { accounts, sealer, clock, claims })).toEqual({
      imported: ['x', 'bluesky'],
      kept: ['mastodon'],
      done: [],
    });
    const after = await accounts.list();
    expect(after.find((a) => a.provider === 'mastodon')).toEqual(before[0]);
    expect(await importSocialAccounts(document, { accounts, sealer, clock, claims })).toEqual({
      imported: [],
      kept: ['x', 'mastodon', 'bluesky'],
      done: [],
    });
    expect(await accounts.list()).toEqual(after);
  });

  it('never brings back an account she disconnected since, however often the old document is read; a new token in it is imported once', async () => {
    const clock = movableClock();
    const sealer = aesGcmSealer(randomBytes(32));
    const accounts = memoryConnectedAccounts();
    const claims = memoryRateLimits();
    await importSocialAccounts(document, { accounts, sealer, clock, claims });
    const x = await accounts.get('x');
    // "Déconnecter" in Réglages forgets it.
    expect(await accounts.remove('x', x?.version ?? 0)).toBe(true);
    expect(await accounts.get('x')).toBeUndefined();
    for (let hour = 0; hour < 3; hour += 1) {
      clock.set(new Date(clock.now().getTime() + 3_600_000).toISOString());
      expect(await importSocialAccounts(document, { accounts, sealer, clock, claims })).toEqual({
        imported: [],
        kept: ['mastodon', 'bluesky'],
        done: ['x'],
      });
      expect(await accounts.get('x')).toBeUndefined();
    }
    const rewritten = {
      ...document,
      x: { ...document.x, accessToken: 'a-new-token-by-hand' },
    } as SocialAccounts;
    expect((await importSocialAccounts(rewritten, { accounts, sealer, clock, claims })).imported).toEqual([
      'x',
    ]);
    expect(await accounts.get('x')).toMatchObject({ label: x?.label, canRefresh: false });
    expect((await importSocialAccounts(rewritten, { accounts, sealer, clock, claims })).imported).toEqual([]);
  });
});
