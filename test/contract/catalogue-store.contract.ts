import { beforeAll, describe, expect, it } from 'vitest';
import { issueIdFor } from '../../shared/domain/issue.ts';
import type { CatalogueEntry, CatalogueStore } from '../../shared/ports/catalogue-store.ts';
import type { MakeStores } from './stores.ts';

const entry = (series: number, position: number, key: string): CatalogueEntry => ({
  key,
  issueId: issueIdFor(series),
  series,
  sunday: '2026-11-29',
  position,
  artist: 'Air',
  title: 'La femme d’argent',
});

const byPlace = (a: CatalogueEntry, b: CatalogueEntry) =>
  a.series - b.series || a.position - b.position || (a.key < b.key ? -1 : 1);

/** The catalogue: entries found by identity key, and an issue's entries replaced as a whole. */
export const catalogueStoreContract = (label: string, makeStores: MakeStores) => {
  describe(`catalogue store on ${label}`, () => {
    let store: CatalogueStore;
    let countOf: (issueId: string) => Promise<number>;
    beforeAll(async () => {
      ({ catalogue: store, catalogueEntriesOf: countOf } = await makeStores());
    });

    it('finds every issue and position a key was recorded at, and nothing for an unknown key', async () => {
      const isrc = 'isrc:FRZ039800212';
      await store.replaceForIssue('iss_30', [entry(30, 2, isrc), entry(30, 2, 'name:air|la femme d argent')]);
      await store.replaceForIssue('iss_34', [entry(34, 7, isrc), entry(34, 9, isrc)]);
      const found = await store.findByKeys([isrc, 'name:nobody|nothing', isrc]);
      expect(found.sort(byPlace)).toEqual([entry(30, 2, isrc), entry(34, 7, isrc), entry(34, 9, isrc)]);
      expect(await store.findByKeys([])).toEqual([]);
    });

    it("replaces an issue's entries: dropped tracks go, kept and new ones are there, other issues untouched", async () => {
      const kept = entry(40, 1, 'name:kept|song');
      const dropped = entry(40, 2, 'name:dropped|song');
      const other = entry(41, 1, 'name:dropped|song');
      await store.replaceForIssue('iss_40', [kept, dropped]);
      await store.replaceForIssue('iss_41', [other]);
      const moved = { ...kept, position: 3 };
      const added = entry(40, 2, 'name:added|song');
      await store.replaceForIssue('iss_40', [moved, added]);
      expect(
        (await store.findByKeys(['name:kept|song', 'name:dropped|song', 'name:added|song'])).sort(byPlace),
      ).toEqual([added, moved, other]);
      expect(await countOf('iss_40')).toBe(2);
    });

    it('keeps a key hundreds of characters long apart from one that differs only at its end', async () => {
      const long = `name:${'é'.repeat(300)}|${'ﷺ'.repeat(200)}`;
      await store.replaceForIssue('iss_50', [entry(50, 1, `${long}a`), entry(50, 2, `${long}b`)]);
      expect(await store.findByKeys([`${long}a`])).toEqual([entry(50, 1, `${long}a`)]);
    });

    it('writes and clears a playlist larger than one batch of 25', async () => {
      const many = Array.from({ length: 60 }, (_, i) => entry(60, i + 1, `name:artist ${i}|song`));
      await store.replaceForIssue('iss_60', many);
      expect(await countOf('iss_60')).toBe(60);
      expect((await store.findByKeys(many.map((e) => e.key))).sort(byPlace)).toEqual(many);
      await store.replaceForIssue('iss_60', many.slice(0, 3));
      expect(await countOf('iss_60')).toBe(3);
      await store.replaceForIssue('iss_60', []);
      expect(await countOf('iss_60')).toBe(0);
    });

    it('rewrites an entry whose key and position stay but whose details change', async () => {
      const first = entry(80, 1, 'name:air|playground love');
      await store.replaceForIssue('iss_80', [first]);
      const revised = { ...first, sunday: '2026-12-06', title: 'Playground Love (Remastered)' };
      await store.replaceForIssue('iss_80', [revised]);
      expect(await store.findByKeys([first.key])).toEqual([revised]);
    });

    it('takes the same entry given twice as one', async () => {
      const twice = entry(70, 1, 'name:twice|song');
      await store.replaceForIssue('iss_70', [twice, twice]);
      expect(await store.findByKeys(['name:twice|song'])).toEqual([twice]);
    });
  });
};
