import { beforeAll, describe, expect, it } from 'vitest';
import type { WarningReport } from '../../shared/domain/music/issue-warning.ts';
import type { WarningStore } from '../../shared/ports/warning-store.ts';
import { anIssue } from '../builders/issue.ts';
import type { MakeStores, Stores } from './stores.ts';

const health = (change: Partial<WarningReport> = {}): WarningReport => ({
  source: 'health',
  revision: 2,
  checkedAt: '2026-11-24T10:00:00.000Z',
  warnings: [
    {
      kind: 'dead_link',
      position: 3,
      url: 'https://www.deezer.com/track/3151394',
      detail: 'HTTP 404 Not Found',
    },
    { kind: 'dead_cover', url: 'https://images.example.org/oss-34/lavande.jpg', detail: 'HTTP 410 Gone' },
  ],
  ...change,
});

const resolution: WarningReport = {
  source: 'resolution',
  revision: 2,
  checkedAt: '2026-11-24T10:05:00.000Z',
  warnings: [{ kind: 'missing_platforms', position: 1, platforms: ['tidal', 'bandcamp'] }],
};

/** The latest report per (issue, source), in the issue's own partition, never older over newer. */
export const warningStoreContract = (label: string, makeStores: MakeStores) => {
  describe(`warning store on ${label}`, () => {
    let store: WarningStore;
    let stores: Stores;
    beforeAll(async () => {
      stores = await makeStores();
      store = stores.warnings;
    });

    it('lists nothing for an issue never checked', async () => {
      expect(await store.list('iss_1')).toEqual({});
    });

    it("keeps each source's latest report apart, and another issue's apart too", async () => {
      await store.save('iss_34', health());
      await store.save('iss_34', resolution);
      await store.save('iss_340', health({ warnings: [] }));
      expect(await store.list('iss_34')).toEqual({ health: health(), resolution });
      expect(await store.list('iss_340')).toEqual({ health: health({ warnings: [] }) });
    });

    it('replaces a report with a check of the same or a newer revision, not an older one', async () => {
      await store.save('iss_35', health());
      const eve = health({ checkedAt: '2026-11-28T10:00:00.000Z', warnings: [] });
      await store.save('iss_35', eve);
      expect((await store.list('iss_35')).health).toEqual(eve);
      await store.save('iss_35', health({ revision: 1, checkedAt: '2026-11-28T11:00:00.000Z' }));
      expect((await store.list('iss_35')).health).toEqual(eve);
      const newer = health({ revision: 3, checkedAt: '2026-11-28T12:00:00.000Z' });
      await store.save('iss_35', newer);
      expect((await store.list('iss_35')).health).toEqual(newer);
    });

    it("lives beside the issue's own items without disturbing them", async () => {
      const { issues } = stores;
      const issue = anIssue({ series: 36 });
      expect(await issues.saveRevision(issue, undefined)).toEqual({ ok: true });
      await store.save('iss_36', health());
      expect(await issues.get('iss_36')).toEqual(issue);
      expect(Object.keys(await store.list('iss_36'))).toEqual(['health']);
    });

    it('lets one claim a warning set the author has not been told of, once, and give it back', async () => {
      expect(await store.claimNotice('iss_37', 'set-a')).toEqual({ claimed: true });
      const [first, second] = await Promise.all([
        store.claimNotice('iss_37', 'set-a'),
        store.claimNotice('iss_37', 'set-a'),
      ]);
      expect([first, second]).toEqual([{ claimed: false }, { claimed: false }]);
      expect(await store.claimNotice('iss_37', 'set-b')).toEqual({ claimed: true, previous: 'set-a' });
      // The mail for set-b failed: set-a is back, so set-b is claimed (and mailed) again by the retry.
      await store.releaseNotice('iss_37', 'set-b', 'set-a');
      expect(await store.claimNotice('iss_37', 'set-b')).toEqual({ claimed: true, previous: 'set-a' });
      // A release that is no longer ours changes nothing.
      await store.releaseNotice('iss_37', 'set-a');
      expect(await store.claimNotice('iss_37', 'set-b')).toEqual({ claimed: false });
      // Given back with nothing before it: told of nothing.
      await store.releaseNotice('iss_37', 'set-b');
      expect(await store.claimNotice('iss_37', 'set-b')).toEqual({ claimed: true });
      expect(await store.list('iss_37')).toEqual({});
    });
  });
};
