import { beforeEach, describe, expect, it } from 'vitest';
import { memoryCatalogueStore } from '../../shared/adapters/memory/catalogue-store.ts';
import type { IssueId, Track } from '../../shared/domain/issue.ts';
import type { WarningReport, WarningSource } from '../../shared/domain/music/issue-warning.ts';
import type { WarningStore } from '../../shared/ports/warning-store.ts';
import { reviewCatalogue } from '../../shared/usecases/music/review-catalogue.ts';
import { anIssue } from '../builders/issue.ts';

/** The latest report per source, as the port promises; enough to see what the use case saved. */
const inMemoryWarnings = () => {
  const reports = new Map<IssueId, Partial<Record<WarningSource, WarningReport>>>();
  const store: WarningStore = {
    save: async (issueId, report) => {
      reports.set(issueId, { ...reports.get(issueId), [report.source]: report });
    },
    list: async (issueId) => reports.get(issueId) ?? {},
    // The catalogue review never mails: the warnings mail's ledger is the music worker's.
    claimNotice: async () => ({ claimed: true }),
    releaseNotice: async () => undefined,
  };
  return store;
};

const track = (position: number, artist: string, title: string, isrc?: string): Track => ({
  position,
  artist,
  title,
  url: `https://www.deezer.com/track/${position}${title.length}`,
  ...(isrc === undefined ? {} : { isrc }),
});

const SUNDAYS: Record<number, string> = { 30: '2026-11-01', 32: '2026-11-15', 34: '2026-11-29' };
const issue = (series: number, tracks: Track[], revision = 1) =>
  anIssue({ series, sunday: SUNDAYS[series] ?? '2026-12-06', tracks, revision });

/** A track no other issue has. */
let fillers = 0;
const filler = (position: number) => {
  fillers += 1;
  return track(position, `Someone ${fillers}`, `Something ${fillers}`);
};

describe('the catalogue review of an issue', () => {
  let deps: Parameters<typeof reviewCatalogue>[1];
  beforeEach(async () => {
    deps = {
      catalogue: memoryCatalogueStore(),
      warnings: inMemoryWarnings(),
      clock: { now: () => new Date('2026-11-24T10:00:00Z') },
    };
  });

  it('names the earlier issue and position of a track with the same ISRC, however its title is spelled', async () => {
    await reviewCatalogue(
      issue(30, [filler(1), filler(2), track(3, 'Air', 'La femme d’argent', 'GBAYE9800001')]),
      deps,
    );
    const warnings = await reviewCatalogue(
      issue(34, [filler(1), track(2, 'AIR', 'Femme d’argent (Moon Safari edition)', 'GBAYE9800001')], 2),
      deps,
    );
    expect(warnings).toEqual([
      {
        kind: 'repeated_track',
        position: 2,
        match: 'isrc',
        earlier: { issueId: 'iss_30', series: 30, sunday: '2026-11-01', position: 3 },
      },
    ]);
    expect(await deps.warnings.list('iss_34')).toEqual({
      catalogue: { source: 'catalogue', revision: 2, checkedAt: '2026-11-24T10:00:00.000Z', warnings },
    });
  });

  it('names it by artist and title when neither gave an ISRC', async () => {
    await reviewCatalogue(issue(30, [track(1, 'Christine and the Queens', 'Saint-Claude')]), deps);
    const warnings = await reviewCatalogue(
      issue(34, [filler(1), filler(2), track(3, 'Christine & The Queens', '« Saint Claude » - Radio Edit')]),
      deps,
    );
    expect(warnings).toEqual([
      {
        kind: 'repeated_track',
        position: 3,
        match: 'artist_title',
        earlier: { issueId: 'iss_30', series: 30, sunday: '2026-11-01', position: 1 },
      },
    ]);
  });

  it('does not warn about a live version of an earlier studio track', async () => {
    await reviewCatalogue(issue(30, [track(1, 'Air', 'La femme d’argent')]), deps);
    expect(await reviewCatalogue(issue(34, [track(1, 'Air', 'La femme d’argent (Live)')]), deps)).toEqual([]);
  });

  it('never warns an issue about itself, however often it is ingested', async () => {
    const own = issue(34, [track(1, 'Air', 'Playground Love', 'FRZ030000123'), filler(2)]);
    expect(await reviewCatalogue(own, deps)).toEqual([]);
    expect(await reviewCatalogue({ ...own, revision: 2 }, deps)).toEqual([]);
    await reviewCatalogue(issue(30, [track(4, 'Air', 'Playground Love')]), deps);
    const again = await reviewCatalogue({ ...own, revision: 3 }, deps);
    expect(again.map((w) => w.kind === 'repeated_track' && w.earlier.issueId)).toEqual(['iss_30']);
  });

  it('stops warning once a revision of the earlier issue drops the track', async () => {
    await reviewCatalogue(issue(30, [filler(1), track(2, 'Air', 'La femme d’argent')]), deps);
    const later = issue(34, [track(1, 'Air', 'La femme d’argent')]);
    expect(await reviewCatalogue(later, deps)).toHaveLength(1);
    await reviewCatalogue(issue(30, [filler(1), filler(2)], 2), deps);
    expect(await reviewCatalogue({ ...later, revision: 2 }, deps)).toEqual([]);
  });

  it('only looks back: an earlier issue ingested after a later one is not warned about it', async () => {
    await reviewCatalogue(issue(34, [track(1, 'Air', 'La femme d’argent', 'GBAYE9800001')]), deps);
    expect(
      await reviewCatalogue(issue(30, [track(5, 'Air', 'La femme d’argent', 'GBAYE9800001')]), deps),
    ).toEqual([]);
    expect((await deps.warnings.list('iss_30')).catalogue?.warnings).toEqual([]);
  });

  it('prefers a same-ISRC issue to an earlier same-name one, and the first of several of a kind', async () => {
    await reviewCatalogue(issue(30, [track(1, 'Air', 'La femme d’argent')]), deps);
    await reviewCatalogue(issue(32, [track(6, 'Air', 'La Femme d’Argent', 'GBAYE9800001')]), deps);
    const [byIsrc] = await reviewCatalogue(
      issue(34, [track(1, 'Air', 'La femme d’argent', 'GBAYE9800001')]),
      deps,
    );
    expect(byIsrc).toMatchObject({ match: 'isrc', earlier: { series: 32, position: 6 } });
    const [byName] = await reviewCatalogue(issue(35, [track(2, 'Air', 'La femme d’argent')]), deps);
    expect(byName).toMatchObject({ match: 'artist_title', earlier: { series: 30, position: 1 } });
  });
});
