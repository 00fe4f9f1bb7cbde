import type { Issue, Track } from '../../domain/issue.ts';
import { catalogueKeys } from '../../domain/music/catalogue-key.ts';
import type { IssueWarning } from '../../domain/music/issue-warning.ts';
import type { Clock } from '../../ports/clock.ts';
import type { CatalogueEntry, CatalogueStore } from '../../ports/catalogue-store.ts';
import type { WarningStore } from '../../ports/warning-store.ts';

export type ReviewCatalogueDeps = { catalogue: CatalogueStore; warnings: WarningStore; clock: Clock };

type RepeatedTrack = Extract<IssueWarning, { kind: 'repeated_track' }>;

/**
 * Tells the author which tracks of this revision were already in an earlier issue (a smaller series number:
 * an older issue ingested late never warns about a newer one), then makes the catalogue hold exactly this
 * revision's tracks and saves the `catalogue` report. Run on every ingest, so a revision of an earlier issue
 * that drops a track stops the later issues' warnings about it at their next review.
 */
export const reviewCatalogue = async (issue: Issue, deps: ReviewCatalogueDeps): Promise<IssueWarning[]> => {
  const keyed = issue.tracks.map((track) => ({ track, keys: catalogueKeys(track) }));
  const found = await deps.catalogue.findByKeys([...new Set(keyed.flatMap(({ keys }) => keys))]);
  // The issue's own entries (from its previous revisions) have its series number: never "earlier".
  const earlier = found.filter((entry) => entry.series < issue.series);
  const warnings = keyed.flatMap(({ track, keys }) => {
    const repeated = repeatedTrack(track, keys, earlier);
    return repeated ? [repeated] : [];
  });
  await deps.catalogue.replaceForIssue(
    issue.id,
    keyed.flatMap(({ track, keys }) => keys.map((key) => entryOf(issue, track, key))),
  );
  await deps.warnings.save(issue.id, {
    source: 'catalogue',
    revision: issue.revision,
    checkedAt: deps.clock.now().toISOString(),
    warnings,
  });
  return warnings;
};

/**
 * The surest match wins: the same ISRC is the same recording, while the same artist and title may be another
 * recording we could not tell apart. Within one kind, the first time it was featured.
 */
const repeatedTrack = (
  track: Track,
  keys: string[],
  earlier: CatalogueEntry[],
): RepeatedTrack | undefined => {
  for (const key of keys) {
    const first = earlier
      .filter((entry) => entry.key === key)
      .sort((a, b) => a.series - b.series || a.position - b.position)[0];
    if (first)
      return {
        kind: 'repeated_track',
        position: track.position,
        match: key.startsWith('isrc:') ? 'isrc' : 'artist_title',
        earlier: {
          issueId: first.issueId,
          series: first.series,
          sunday: first.sunday,
          position: first.position,
        },
      };
  }
  return undefined;
};

const entryOf = (issue: Issue, track: Track, key: string): CatalogueEntry => ({
  key,
  issueId: issue.id,
  series: issue.series,
  sunday: issue.sunday,
  position: track.position,
  artist: track.artist,
  title: track.title,
});
