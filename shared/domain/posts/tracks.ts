import type { Track } from '../issue.ts';
import type { TrackInput } from './fields.ts';

/** Order is the playlist: explicit positions win, otherwise the order sent. */
export const toTracks = (inputs: TrackInput[]): Track[] =>
  inputs
    .map((input, index) => ({ input, position: input.position ?? index + 1 }))
    .sort((a, b) => a.position - b.position)
    .map(({ input, position }) => ({
      position,
      artist: input.artist,
      title: input.title,
      url: input.url,
      ...(input.album === undefined ? {} : { album: input.album }),
      ...(input.duration === undefined ? {} : { durationSeconds: input.duration }),
      ...(input.cover === undefined ? {} : { coverUrl: input.cover }),
      ...(input.isrc === undefined ? {} : { isrc: input.isrc }),
    }));

export const hasUniquePositions = (inputs: TrackInput[]): boolean => {
  const positions = inputs.map((t, i) => t.position ?? i + 1);
  return new Set(positions).size === positions.length;
};
