import { beforeEach, describe, expect, it } from 'vitest';
import type { InstanceApp, InstanceAppStore } from '../../shared/ports/instance-apps.ts';
import type { MakeStores } from './stores.ts';

const app = (instance: string, redirectUri: string, clientId = 'client-1'): InstanceApp => ({
  instance,
  clientId,
  sealedSecret: 'v1.aaa.bbb.ccc',
  redirectUri,
  scopes: ['read:accounts', 'write:statuses'],
  registeredAt: '2026-11-24T10:00:00.000Z',
});

const CALLBACK = 'https://newsletter.example.org/studio/accounts/mastodon/callback';

/** Dimanche's app per Mastodon instance and redirect address: registered once, the first one kept. */
export const instanceAppStoreContract = (label: string, makeStores: MakeStores) => {
  describe(`instance app store on ${label}`, () => {
    let store: InstanceAppStore;
    beforeEach(async () => {
      store = (await makeStores()).instanceApps;
    });

    it('keeps the first app registered for an instance and address, and refuses a second', async () => {
      expect(await store.get('https://piaille.fr', CALLBACK)).toBeUndefined();
      expect(await store.putIfAbsent(app('https://piaille.fr', CALLBACK))).toBe(true);
      expect(await store.putIfAbsent(app('https://piaille.fr', CALLBACK, 'client-2'))).toBe(false);
      expect(await store.get('https://piaille.fr', CALLBACK)).toEqual(app('https://piaille.fr', CALLBACK));
    });

    it('keeps one per instance and per redirect address', async () => {
      const moved = 'https://nouvelle.example.org/studio/accounts/mastodon/callback';
      await store.putIfAbsent(app('https://piaille.fr', CALLBACK, 'a'));
      await store.putIfAbsent(app('https://mastodon.social', CALLBACK, 'b'));
      await store.putIfAbsent(app('https://piaille.fr', moved, 'c'));
      expect((await store.get('https://piaille.fr', CALLBACK))?.clientId).toBe('a');
      expect((await store.get('https://mastodon.social', CALLBACK))?.clientId).toBe('b');
      expect((await store.get('https://piaille.fr', moved))?.clientId).toBe('c');
    });
  });
};
