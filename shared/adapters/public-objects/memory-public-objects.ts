import type { PublicObject, PublicObjects } from '../../ports/public-objects.ts';

/** The objects in this process's memory: tests, and the cache in front of the data folder. */
export const memoryPublicObjects = (): PublicObjects & { keys: () => string[] } => {
  const objects = new Map<string, PublicObject>();
  return {
    get: async (key) => objects.get(key),
    put: async (key, object) => void objects.set(key, object),
    keys: () => [...objects.keys()],
  };
};
