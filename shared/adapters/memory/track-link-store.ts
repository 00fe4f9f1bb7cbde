import type { TrackResolution } from '../../domain/music/track-resolution.ts';
import type { TrackLinkStore } from '../../ports/track-link-store.ts';
import { stored } from './stored.ts';

/** The resolver's answers by key; a `failed` answer never replaces a real one. */
export const memoryTrackLinkStore = (): TrackLinkStore => {
  const resolutions = new Map<string, TrackResolution>();
  return {
    getMany: async (keys) => {
      const found = new Map<string, TrackResolution>();
      for (const key of keys) {
        const resolution = resolutions.get(key);
        if (resolution) found.set(key, stored(resolution));
      }
      return found;
    },

    save: async (resolution) => {
      const current = resolutions.get(resolution.key);
      if (resolution.status === 'failed' && current && current.status !== 'failed') return;
      resolutions.set(resolution.key, stored(resolution));
    },
  };
};
