import type { Track } from '../../shared/domain/issue.ts';
import type { ClickCount } from '../../shared/domain/music/click-link.ts';
import { mostPlayed } from '../../shared/domain/music/most-played.ts';

/** The clicks part of `GET /admin/campaigns/:id`: each count named by its track, and the most-played pick. */
export const campaignClicks = (counts: readonly ClickCount[], tracks: readonly Track[]) => {
  const named = (position: number) => {
    const track = tracks.find((t) => t.position === position);
    return track ? { artist: track.artist, title: track.title } : {};
  };
  const pick = mostPlayed(counts, tracks);
  return {
    clicks: counts.map(({ position, platform, clicks }) => ({
      position,
      ...named(position),
      platform,
      clicks,
    })),
    mostPlayed: pick
      ? {
          position: pick.track.position,
          artist: pick.track.artist,
          title: pick.track.title,
          clicks: pick.clicks,
          platforms: pick.platforms,
        }
      : null,
  };
};
