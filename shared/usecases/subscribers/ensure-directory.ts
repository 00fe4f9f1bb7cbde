import type { DirectoryEntry, ListedStatus, SubscriberDirectory } from '../../ports/subscriber-directory.ts';
import { directoryEntry } from './with-directory.ts';
import type { SubscribersByStatus } from './with-status.ts';

const STATUSES: readonly ListedStatus[] = ['confirmed', 'pending', 'unsubscribed'];
const PAGE = 500;

/**
 * Gives every reader written before the directory existed a row (a table from an older version, or one filled
 * by a bulk load), at most `budget` records a call, saving where it stopped: a request never waits for 100,000
 * copies (about 100 s on dynalite, past any HTTP timeout); the next visit goes on. Rows written meanwhile by
 * `withDirectory` carry the same data, so an overlap is harmless.
 */
export const ensureDirectory = async (
  deps: { store: SubscribersByStatus; directory: SubscriberDirectory },
  budget = 5_000,
) => {
  const state = await deps.directory.backfill();
  if (state.done) return state;
  let { status = STATUSES[0] as ListedStatus, cursor, rows } = state;
  for (let copied = 0; copied < budget;) {
    const page = await deps.store.listByStatus(status, {
      limit: Math.min(PAGE, budget - copied),
      ...(cursor ? { cursor } : {}),
    });
    const entries = page.items.map(directoryEntry).filter((e): e is DirectoryEntry => e !== undefined);
    await deps.directory.putMany(entries);
    copied += page.items.length;
    rows += entries.length;
    cursor = page.cursor;
    if (!cursor) {
      const next = STATUSES[STATUSES.indexOf(status) + 1];
      if (!next) {
        const done = { done: true, rows };
        await deps.directory.saveBackfill(done);
        return done;
      }
      status = next;
    }
    await deps.directory.saveBackfill({ done: false, rows, status, ...(cursor ? { cursor } : {}) });
  }
  return { done: false, rows };
};
