import { beforeEach, describe, expect, it } from 'vitest';
import { memoryTrackLinkStore } from '../../shared/adapters/memory/track-link-store.ts';
import type { Issue, Track } from '../../shared/domain/issue.ts';
import { type TrackResolution, trackUrlKey } from '../../shared/domain/music/track-resolution.ts';
import type { MusicMessage } from '../../shared/ports/music-queue.ts';
import type { TrackLinkStore } from '../../shared/ports/track-link-store.ts';
import { queueResolutions } from '../../shared/usecases/music/queue-resolutions.ts';

const track = (position: number, url: string): Track => ({
  position,
  artist: 'Lou',
  title: `Song ${position}`,
  url,
});

const answer = (url: string, status: TrackResolution['status']): TrackResolution =>
  status === 'resolved'
    ? {
        key: trackUrlKey(url),
        url,
        status,
        pageUrl: 'https://song.link/fr/s/1',
        links: { deezer: url },
        missing: [],
        resolvedAt: '2026-11-22T10:00:00Z',
      }
    : { key: trackUrlKey(url), url, status, detail: 'HTTP 404', resolvedAt: '2026-11-22T10:00:00Z' };

describe('queueing the resolutions of an issue', () => {
  let links: TrackLinkStore;
  let queued: MusicMessage[];
  const deps = () => ({
    links,
    queue: { enqueue: async (message: MusicMessage) => void queued.push(message) },
  });

  beforeEach(async () => {
    links = memoryTrackLinkStore();
    queued = [];
  });

  it('queues each distinct URL once, skipping answered ones and retrying failed ones', async () => {
    await links.save(answer('https://www.deezer.com/track/2', 'resolved'));
    await links.save(answer('https://www.deezer.com/track/3', 'not_found'));
    await links.save(answer('https://www.deezer.com/track/4', 'failed'));
    const issue: Pick<Issue, 'id' | 'tracks'> = {
      id: 'iss_35',
      tracks: [
        track(1, 'https://open.spotify.com/track/1?si=first-share'),
        track(2, 'https://www.deezer.com/track/2'),
        track(3, 'https://www.deezer.com/track/3?utm_source=newsletter'),
        track(4, 'https://www.deezer.com/track/4'),
        track(5, 'https://open.spotify.com/track/1?si=second-share'),
        track(6, 'https://someone.bandcamp.com/track/six'),
      ],
    };
    expect(await queueResolutions(issue, deps())).toBe(3);
    expect(queued).toEqual([
      { kind: 'resolve', issueId: 'iss_35', url: 'https://open.spotify.com/track/1?si=first-share' },
      { kind: 'resolve', issueId: 'iss_35', url: 'https://www.deezer.com/track/4' },
      { kind: 'resolve', issueId: 'iss_35', url: 'https://someone.bandcamp.com/track/six' },
    ]);
  });

  it('queues nothing for an issue whose links are all answered, or that has no tracks', async () => {
    await links.save(answer('https://www.deezer.com/track/9', 'resolved'));
    expect(
      await queueResolutions({ id: 'iss_36', tracks: [track(1, 'https://www.deezer.com/track/9')] }, deps()),
    ).toBe(0);
    expect(await queueResolutions({ id: 'iss_37', tracks: [] }, deps())).toBe(0);
    expect(queued).toEqual([]);
  });
});
