import { describe, expect, it } from 'vitest';
import type { Track } from '../../shared/domain/issue.ts';
import type { ClickCount } from '../../shared/domain/music/click-link.ts';
import { mostPlayed } from '../../shared/domain/music/most-played.ts';
import type { LinkVariant } from '../../shared/domain/platforms.ts';

const track = (position: number): Track => ({
  position,
  artist: `Artist ${position}`,
  title: `Title ${position}`,
  url: `https://open.spotify.com/track/${position}`,
});
const TRACKS = [1, 2, 3, 4].map(track);
const count = (position: number, platform: LinkVariant, clicks: number): ClickCount => ({
  issueId: 'iss_34',
  position,
  platform,
  clicks,
});

describe('the most-played pick', () => {
  it('sums each track over its platforms, and splits the winner by platform, most clicked first', () => {
    const pick = mostPlayed(
      [
        count(1, 'spotify', 6),
        count(2, 'spotify', 3),
        count(2, 'deezer', 2),
        count(2, 'universal', 4),
        count(3, 'tidal', 1),
      ],
      TRACKS,
    );
    expect(pick).toEqual({
      track: TRACKS[1],
      clicks: 9,
      platforms: [
        { platform: 'universal', clicks: 4 },
        { platform: 'spotify', clicks: 3 },
        { platform: 'deezer', clicks: 2 },
      ],
    });
  });

  it('gives a tie to the track earlier in the issue, whatever order the counts come in', () => {
    const counts = [
      count(4, 'deezer', 5),
      count(2, 'spotify', 3),
      count(2, 'tidal', 2),
      count(3, 'spotify', 1),
    ];
    expect(mostPlayed(counts, TRACKS)?.track.position).toBe(2);
    expect(mostPlayed([...counts].reverse(), [...TRACKS].reverse())?.track.position).toBe(2);
  });

  it('orders a tie between platforms of the pick by the list of platforms', () => {
    const pick = mostPlayed(
      [count(1, 'deezer', 2), count(1, 'spotify', 2), count(1, 'universal', 2)],
      TRACKS,
    );
    expect(pick?.platforms.map((p) => p.platform)).toEqual(['universal', 'spotify', 'deezer']);
  });

  it('has no pick before the first click', () => {
    expect(mostPlayed([], TRACKS)).toBeUndefined();
    expect(mostPlayed([count(1, 'spotify', 0), count(2, 'deezer', 0)], TRACKS)).toBeUndefined();
  });

  it('ignores counts of a position the issue does not have', () => {
    expect(mostPlayed([count(9, 'spotify', 50)], TRACKS)).toBeUndefined();
    expect(mostPlayed([count(9, 'spotify', 50), count(3, 'deezer', 1)], TRACKS)?.track).toEqual(TRACKS[2]);
  });
});
