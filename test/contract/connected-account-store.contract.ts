import { beforeEach, describe, expect, it } from 'vitest';
import type { ConnectedAccount } from '../../shared/domain/accounts/connected-account.ts';
import type { ConnectedAccountStore } from '../../shared/ports/connected-account-store.ts';
import type { MakeStores } from './stores.ts';

const account = (
  provider: string,
  version: number,
  extra: Partial<ConnectedAccount> = {},
): ConnectedAccount => ({
  provider,
  label: '@dimanche_fm',
  state: 'connected',
  sealed: 'v1.aaa.bbb.ccc',
  accessExpiresAt: '2026-11-24T12:00:00.000Z',
  canRefresh: true,
  connectedAt: '2026-11-24T10:00:00.000Z',
  version,
  ...extra,
});

/** Her connected accounts: every write conditional on the version read, sign-ins under way used once. */
export const connectedAccountStoreContract = (label: string, makeStores: MakeStores) => {
  describe(`connected account store on ${label}`, () => {
    let store: ConnectedAccountStore;
    beforeEach(async () => {
      store = (await makeStores()).connectedAccounts;
    });

    it('saves a first account only where none is, then only over the version it read', async () => {
      expect(await store.put(account('x', 1), undefined)).toBe(true);
      expect(await store.put(account('x', 1), undefined)).toBe(false);
      expect(await store.put(account('x', 3), 2)).toBe(false);
      expect(await store.put(account('x', 2, { state: 'to_reconnect', lastError: 'expired' }), 1)).toBe(true);
      expect(await store.get('x')).toEqual(account('x', 2, { state: 'to_reconnect', lastError: 'expired' }));
    });

    it('drops fields a later version no longer has (a lease let go, an error cleared)', async () => {
      await store.put(
        account('x', 1, { refreshingUntil: '2026-11-24T10:01:00.000Z', lastError: 'x' }),
        undefined,
      );
      await store.put(account('x', 2), 1);
      expect(await store.get('x')).toEqual(account('x', 2));
    });

    it('lists every account, and only accounts', async () => {
      await store.put(account('x', 1), undefined);
      await store.put(account('linkedin', 1), undefined);
      await store.savePending({
        state: 's1',
        provider: 'x',
        codeVerifier: 'v',
        validUntil: '2026-11-24T10:10:00.000Z',
      });
      expect((await store.list()).map((a) => a.provider).sort()).toEqual(['linkedin', 'x']);
    });

    it('removes an account only at the version read', async () => {
      await store.put(account('threads', 1), undefined);
      expect(await store.remove('threads', 2)).toBe(false);
      expect(await store.remove('threads', 1)).toBe(true);
      expect(await store.get('threads')).toBeUndefined();
    });

    it('gives a sign-in under way once, and never after its time', async () => {
      const pending = {
        state: 'st',
        provider: 'x',
        codeVerifier: 'verifier',
        validUntil: '2026-11-24T10:10:00.000Z',
      };
      await store.savePending(pending);
      await store.savePending({ ...pending, state: 'late' });
      const [first, second] = await Promise.all([
        store.takePending('st', '2026-11-24T10:05:00.000Z'),
        store.takePending('st', '2026-11-24T10:05:00.000Z'),
      ]);
      expect([first, second].filter(Boolean)).toEqual([pending]);
      expect(await store.takePending('late', '2026-11-24T10:10:00.000Z')).toBeUndefined();
      expect(await store.takePending('unknown', '2026-11-24T10:05:00.000Z')).toBeUndefined();
    });
  });
};
