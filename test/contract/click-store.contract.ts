import { beforeAll, describe, expect, it } from 'vitest';
import type { IssueId } from '../../shared/domain/issue.ts';
import { type ClickLink, clickLink } from '../../shared/domain/music/click-link.ts';
import type { LinkVariant } from '../../shared/domain/platforms.ts';
import type { ClickStore } from '../../shared/ports/click-store.ts';
import type { MakeStores } from './stores.ts';

const link = (
  issueId: IssueId,
  position: number,
  platform: LinkVariant,
  target = `https://example.com/${issueId}/${position}/${platform}`,
): ClickLink => clickLink({ issueId, position, platform, target });

const countTimes = (store: ClickStore, clicked: ClickLink, times: number) =>
  Promise.all(Array.from({ length: times }, () => store.count(clicked)));

/** The email's links and their counts: registered once per content, counted exactly, read per issue. */
export const clickStoreContract = (label: string, makeStores: MakeStores) => {
  describe(`click store on ${label}`, () => {
    let store: ClickStore;
    beforeAll(async () => {
      store = (await makeStores()).clicks;
    });

    it('finds a registered link exactly as registered, and nothing for an id never registered', async () => {
      const registered = link('iss_34', 1, 'deezer', 'https://www.deezer.com/track/3135556?utm=x&a=1');
      await store.register([registered]);
      expect(await store.find(registered.id)).toEqual(registered);
      expect(await store.find(link('iss_34', 1, 'deezer', 'https://evil.example').id)).toBeUndefined();
    });

    it('registers more links than one batch holds, and the same link twice in one call', async () => {
      const links = Array.from({ length: 60 }, (_, i) => link('iss_40', i + 1, 'spotify'));
      const first = links[0] as ClickLink;
      await store.register([...links, first, { ...first }]);
      const found = await Promise.all(links.map((l) => store.find(l.id)));
      expect(found).toEqual(links);
    });

    it('counts every one of 120 concurrent clicks', async () => {
      const clicked = link('iss_41', 3, 'spotify');
      await store.register([clicked]);
      await countTimes(store, clicked, 120);
      expect(await store.countsFor('iss_41')).toEqual([
        { issueId: 'iss_41', position: 3, platform: 'spotify', clicks: 120 },
      ]);
    });

    it('keeps the counts when the same links are registered again (a re-render)', async () => {
      const clicked = link('iss_42', 2, 'tidal');
      await store.register([clicked]);
      await countTimes(store, clicked, 3);
      await store.register([link('iss_42', 2, 'tidal')]);
      await store.count(clicked);
      expect(await store.countsFor('iss_42')).toEqual([
        { issueId: 'iss_42', position: 2, platform: 'tidal', clicks: 4 },
      ]);
      expect(await store.find(clicked.id)).toEqual(clicked);
    });

    it("sums one issue's counts per track and platform, in issue order, and nothing of another issue", async () => {
      const before = link('iss_43', 5, 'deezer', 'https://www.deezer.com/track/1');
      // The author fixed the link between two renders: a new id, the same track and platform.
      const after = link('iss_43', 5, 'deezer', 'https://www.deezer.com/track/2');
      const universal = link('iss_43', 5, 'universal');
      const first = link('iss_43', 1, 'apple-music');
      const elsewhere = [link('iss_430', 5, 'deezer'), link('iss_4', 5, 'deezer')];
      await store.register([before, after, universal, first, ...elsewhere]);
      await Promise.all([
        countTimes(store, before, 2),
        countTimes(store, after, 5),
        countTimes(store, universal, 1),
        countTimes(store, first, 4),
        ...elsewhere.map((l) => countTimes(store, l, 9)),
      ]);
      expect(await store.countsFor('iss_43')).toEqual([
        { issueId: 'iss_43', position: 1, platform: 'apple-music', clicks: 4 },
        { issueId: 'iss_43', position: 5, platform: 'universal', clicks: 1 },
        { issueId: 'iss_43', position: 5, platform: 'deezer', clicks: 7 },
      ]);
      expect(await store.countsFor('iss_44')).toEqual([]);
    });

    it('counts nothing for links registered but never clicked', async () => {
      await store.register([link('iss_45', 1, 'bandcamp')]);
      expect(await store.countsFor('iss_45')).toEqual([]);
    });
  });
};
