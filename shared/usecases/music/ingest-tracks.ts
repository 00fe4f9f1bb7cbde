import type { Issue } from '../../domain/issue.ts';
import type { IssueWarning } from '../../domain/music/issue-warning.ts';
import type { CatalogueStore } from '../../ports/catalogue-store.ts';
import type { Clock } from '../../ports/clock.ts';
import type { MusicQueue } from '../../ports/music-queue.ts';
import type { TrackLinkStore } from '../../ports/track-link-store.ts';
import type { WarningStore } from '../../ports/warning-store.ts';
import { queueResolutions } from './queue-resolutions.ts';
import { reviewCatalogue } from './review-catalogue.ts';

export type IngestTracksDeps = {
  links: TrackLinkStore;
  queue: MusicQueue;
  catalogue: CatalogueStore;
  warnings: WarningStore;
  clock: Clock;
};

/**
 * What a new revision's tracks set off, after its first render: the catalogue is checked at once (its warnings
 * go back in the webhook's answer); resolving the links and checking their health go to the music worker's
 * queue, off the webhook's path.
 */
export const ingestTracks = async (issue: Issue, deps: IngestTracksDeps): Promise<IssueWarning[]> => {
  const warnings = await reviewCatalogue(issue, deps);
  await queueResolutions(issue, deps);
  await deps.queue.enqueue({ kind: 'check', issueId: issue.id, reason: 'ingest' });
  return warnings;
};
