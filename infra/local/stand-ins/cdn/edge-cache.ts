import type { Clock } from '../../../../shared/ports/clock.ts';
import type { CdnInvalidator } from '../../../../shared/ports/public-objects.ts';
import type { EdgeAnswer } from './edge-answer.ts';

type Entry = { answer: EdgeAnswer; path: string; expiresAt: number };

export type EdgeCache = CdnInvalidator & {
  /** The kept answer of a key, while its s-maxage runs on the clock. */
  get: (key: string) => EdgeAnswer | undefined;
  put: (key: string, entry: { path: string; answer: EdgeAnswer; ttlSeconds: number }) => void;
  /** Moves on with every invalidation: a miss begun before one must not keep what it fetched. */
  generation: () => number;
  stats: () => { entries: number; bytes: number };
};

/** An invalidation path names one path, or every path under a prefix with a trailing `*`, as CloudFront's do. */
const covers = (invalidated: string, path: string) =>
  invalidated.endsWith('*')
    ? path.startsWith(invalidated.slice(0, -1))
    : path === invalidated || path === encodeURI(invalidated);

/**
 * The edge's copies, least recently used first: bounded in entries and bytes so the process's memory stays
 * flat whatever is asked (the `cursor` of the list is the reader's to choose), expiring on the clock given.
 * An invalidation drops every copy of its paths, each query and encoding, as CloudFront drops them.
 *
 * @example
 * const cache = edgeCache({ clock: systemClock });
 * await cache.invalidate(['/archive', '/archive/34-chambre-en-provence']);
 */
export const edgeCache = ({
  clock,
  maxEntries = 1_000,
  maxBytes = 64 * 1024 * 1024,
}: {
  clock: Clock;
  maxEntries?: number;
  maxBytes?: number;
}): EdgeCache => {
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let generation = 0;
  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    bytes -= entry.answer.size;
  };
  return {
    get: (key) => {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (clock.now().getTime() >= entry.expiresAt) {
        drop(key);
        return undefined;
      }
      // Re-inserted: the Map's order is the recency order eviction reads.
      entries.delete(key);
      entries.set(key, entry);
      return entry.answer;
    },
    put: (key, { path, answer, ttlSeconds }) => {
      drop(key);
      // One answer may not take more than a sixteenth of the room: it would evict everything else.
      if (answer.size > maxBytes / 16) return;
      entries.set(key, { answer, path, expiresAt: clock.now().getTime() + ttlSeconds * 1000 });
      bytes += answer.size;
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries && bytes <= maxBytes) break;
        drop(oldest);
      }
    },
    invalidate: async (paths) => {
      generation += 1;
      for (const [key, entry] of entries) {
        if (paths.some((path) => covers(path, entry.path))) drop(key);
      }
    },
    generation: () => generation,
    stats: () => ({ entries: entries.size, bytes }),
  };
};
