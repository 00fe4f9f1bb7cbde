import { beforeAll, describe, expect, it } from 'vitest';
import type { EmailAddress } from '../../shared/domain/email-address.ts';
import { searchForm } from '../../shared/domain/search-text.ts';
import type { SubscriberId } from '../../shared/domain/subscriber.ts';
import type { DirectoryEntry, SubscriberDirectory } from '../../shared/ports/subscriber-directory.ts';
import type { MakeStores } from './stores.ts';

const entry = (n: number, change: Partial<DirectoryEntry> = {}): DirectoryEntry => ({
  id: `sub_${String(n).padStart(3, '0')}` as SubscriberId,
  email: `reader${String(n).padStart(3, '0')}@example.org` as EmailAddress,
  language: 'fr',
  status: 'confirmed',
  ...change,
});

/** Every reader with an address, in address order, found by part of the address or the name. */
export const subscriberDirectoryContract = (label: string, makeStores: MakeStores) => {
  describe(`subscriber directory on ${label}`, () => {
    let directory: SubscriberDirectory;
    beforeAll(async () => {
      directory = (await makeStores()).directory;
      await directory.putMany(Array.from({ length: 40 }, (_, i) => entry(i + 1)));
      await directory.put(entry(41, { name: 'Chloé « Clo » Martin', status: 'pending' }));
      await directory.put(entry(42, { email: 'aaa@example.org' as EmailAddress, status: 'unsubscribed' }));
    });

    const everything = async (query: { text: string; status?: DirectoryEntry['status']; limit: number }) => {
      const ids: SubscriberId[] = [];
      let after: string | undefined;
      do {
        const page = await directory.search({ ...query, ...(after ? { after } : {}) });
        expect(page.ids.length).toBeLessThanOrEqual(query.limit);
        ids.push(...page.ids);
        after = page.after;
      } while (after);
      return ids;
    };

    it('pages every reader in address order, with no position after the last page', async () => {
      const ids = await everything({ text: '', limit: 7 });
      expect(ids).toHaveLength(42);
      expect(ids[0]).toBe('sub_042');
      expect(ids.slice(1)).toEqual(Array.from({ length: 41 }, (_, i) => entry(i + 1).id));
      expect((await directory.search({ text: '', limit: 42 })).after).toBeUndefined();
    });

    it('finds by part of the address or of the name, and by status', async () => {
      expect((await directory.search({ text: searchForm('CHLOÉ'), limit: 10 })).ids).toEqual(['sub_041']);
      expect((await directory.search({ text: 'reader01', limit: 20 })).ids).toEqual(
        Array.from({ length: 10 }, (_, i) => entry(10 + i).id),
      );
      expect(await everything({ text: '', status: 'pending', limit: 1 })).toEqual(['sub_041']);
      expect(await everything({ text: 'reader', status: 'unsubscribed', limit: 5 })).toEqual([]);
    });

    it('forgets a removed reader, and moves a changed one', async () => {
      await directory.remove(entry(5));
      await directory.put(entry(6, { email: 'zed@example.org' as EmailAddress, status: 'unsubscribed' }));
      await directory.remove(entry(6));
      const ids = await everything({ text: '', limit: 50 });
      expect(ids).not.toContain('sub_005');
      expect(ids.at(-1)).toBe('sub_006');
      expect(await everything({ text: '', status: 'unsubscribed', limit: 50 })).toEqual([
        'sub_042',
        'sub_006',
      ]);
    });

    it('remembers how far its backfill got', async () => {
      expect(await directory.backfill()).toEqual({ done: false, rows: 0 });
      const state = { done: false, rows: 500, status: 'confirmed' as const, cursor: 'c' };
      await directory.saveBackfill(state);
      expect(await directory.backfill()).toEqual(state);
    });
  });
};
