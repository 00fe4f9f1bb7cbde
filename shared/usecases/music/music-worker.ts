import type { IssueId } from '../../domain/issue.ts';
import { trackUrlKey } from '../../domain/music/track-resolution.ts';
import type { IssueStore } from '../../ports/issue-store.ts';
import type { MusicMessage, MusicQueue } from '../../ports/music-queue.ts';
import type { RenderTrigger } from '../../ports/render-trigger.ts';
import type { TrackLinkStore } from '../../ports/track-link-store.ts';
import { type CheckIssueLinksDeps, checkIssueLinks } from './check-issue-links.ts';
import { type ResolveTrackDeps, resolveTrack } from './resolve-track.ts';

export type MusicWorkerDeps = Omit<ResolveTrackDeps, 'settled'> &
  Omit<CheckIssueLinksDeps, 'reason'> & {
    issues: IssueStore;
    links: TrackLinkStore;
    queue: MusicQueue;
    renderTrigger: RenderTrigger;
  };

/**
 * Once every track of the issue's current revision has its resolution, the email is rendered again with the
 * links (the render step compares link versions, so a second call for the same links renders nothing) and the
 * health check runs again, now with the platforms each track lacks.
 */
export const whenResolved = async (issueId: IssueId, deps: MusicWorkerDeps): Promise<boolean> => {
  const issue = await deps.issues.get(issueId);
  if (!issue) return false;
  const keys = [...new Set(issue.tracks.map((track) => trackUrlKey(track.url)))];
  const cached = await deps.links.getMany(keys);
  if (!keys.every((key) => cached.has(key))) return false;
  const outcome = await deps.renderTrigger.render(issue.id, issue.revision);
  if (outcome.changed) await deps.queue.enqueue({ kind: 'check', issueId: issue.id, reason: 'ingest' });
  return outcome.changed !== undefined;
};

/** One message of the music queue. */
export const handleMusicMessage = async (message: MusicMessage, deps: MusicWorkerDeps) => {
  if (message.kind === 'resolve') {
    return resolveTrack(message, {
      ...deps,
      settled: async (issueId) => {
        await whenResolved(issueId, deps);
      },
    });
  }
  if (message.reason === 'ingest') {
    return checkIssueLinks({ issueId: message.issueId }, { ...deps, reason: 'ingest' });
  }
  const checked = await checkIssueLinks(
    'issueId' in message ? { issueId: message.issueId } : { comingSunday: true },
    {
      ...deps,
      reason: 'eve',
    },
  );
  // The day before, a last render in case a resolution landed without one (the render step compares link
  // versions: nothing is rendered when the links did not move).
  if (checked.kind === 'checked') await deps.renderTrigger.render(checked.issueId, checked.revision);
  return checked;
};
