import type { Issue } from '../../domain/issue.ts';
import { trackUrlKey } from '../../domain/music/track-resolution.ts';
import type { MusicQueue } from '../../ports/music-queue.ts';
import type { TrackLinkStore } from '../../ports/track-link-store.ts';

export type QueueResolutionsDeps = { links: TrackLinkStore; queue: MusicQueue };

/**
 * One resolve message per distinct track URL key of the issue that has no answer yet, or only a `failed` one
 * (a new ingest is the time to try again). Returns how many were queued.
 */
export const queueResolutions = async (
  issue: Pick<Issue, 'id' | 'tracks'>,
  { links, queue }: QueueResolutionsDeps,
): Promise<number> => {
  const byKey = new Map<string, string>();
  for (const track of issue.tracks) {
    const key = trackUrlKey(track.url);
    if (!byKey.has(key)) byKey.set(key, track.url);
  }
  const cached = await links.getMany([...byKey.keys()]);
  let queued = 0;
  for (const [key, url] of byKey) {
    if (cached.has(key) && cached.get(key)?.status !== 'failed') continue;
    await queue.enqueue({ kind: 'resolve', issueId: issue.id, url });
    queued += 1;
  }
  return queued;
};
