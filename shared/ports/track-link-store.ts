import type { TrackResolution } from '../domain/music/track-resolution.ts';

/** The resolver's answers, cached by `trackUrlKey`: a URL is resolved once, whichever issue links it. */
export type TrackLinkStore = {
  /** By key; keys with nothing cached are absent from the map. */
  getMany: (keys: readonly string[]) => Promise<Map<string, TrackResolution>>;
  save: (resolution: TrackResolution) => Promise<void>;
};
