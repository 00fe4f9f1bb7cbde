import { beforeAll, describe, expect, it } from 'vitest';
import type { SubscriberId } from '../../shared/domain/subscriber.ts';
import type { DataLinkStore } from '../../shared/ports/data-links.ts';
import type { StudioAuthStore } from '../../shared/ports/studio-auth.ts';
import type { MakeStores } from './stores.ts';

const NOW = '2026-11-29T08:00:00.000Z';
const LATER = '2026-11-29T08:30:00.000Z';
const END = '2026-11-29T09:00:00.000Z';

/** Links kept by the hash of their secret, each used once by one caller; studio sessions beside them. */
export const singleUseLinksContract = (label: string, makeStores: MakeStores) => {
  describe(`data links and studio sign-in on ${label}`, () => {
    let dataLinks: DataLinkStore;
    let studioAuth: StudioAuthStore;
    beforeAll(async () => {
      ({ dataLinks, studioAuth } = await makeStores());
    });

    const dataLink = (hash: string) => ({
      hash,
      subscriberId: 'sub_chloe' as SubscriberId,
      purpose: 'erase' as const,
      expiresAt: END,
    });

    it('shows a data link without using it, then gives it to one of many racing callers', async () => {
      await dataLinks.save(dataLink('h1'));
      expect(await dataLinks.peek('h1', NOW)).toEqual(dataLink('h1'));
      expect(await dataLinks.peek('h1', LATER)).toEqual(dataLink('h1'));
      const used = await Promise.all([1, 2, 3].map(() => dataLinks.consume('h1', LATER)));
      expect(used.filter(Boolean)).toEqual([dataLink('h1')]);
      expect(await dataLinks.peek('h1', LATER)).toBeUndefined();
    });

    it('gives nothing for an unknown or expired data link, and refuses a second save of one hash', async () => {
      await dataLinks.save(dataLink('h2'));
      expect(await dataLinks.peek('h2', END)).toBeUndefined();
      expect(await dataLinks.consume('h2', END)).toBeUndefined();
      expect(await dataLinks.consume('unknown', NOW)).toBeUndefined();
      await expect(dataLinks.save(dataLink('h2'))).rejects.toThrow();
    });

    it('uses a sign-in link once, and never after its end', async () => {
      const link = { hash: 's1', email: 'chloe@example.org', expiresAt: END };
      await studioAuth.saveLink(link);
      await studioAuth.saveLink({ ...link, hash: 's2' });
      const used = await Promise.all([1, 2].map(() => studioAuth.consumeLink('s1', NOW)));
      expect(used.filter(Boolean)).toEqual([link]);
      expect(await studioAuth.consumeLink('s2', END)).toBeUndefined();
      await expect(studioAuth.saveLink(link)).rejects.toThrow();
    });

    it('keeps a session until it is ended, once per hash', async () => {
      const session = {
        hash: 'k1',
        email: 'chloe@example.org',
        csrfToken: 'csrf-1',
        createdAt: NOW,
        expiresAt: END,
      };
      expect(await studioAuth.getSession('k1')).toBeUndefined();
      await studioAuth.saveSession(session);
      expect(await studioAuth.getSession('k1')).toEqual(session);
      await expect(studioAuth.saveSession(session)).rejects.toThrow();
      await studioAuth.endSession('k1');
      await studioAuth.endSession('k1');
      expect(await studioAuth.getSession('k1')).toBeUndefined();
    });
  });
};
