import type { SubscriberDirectory } from '../../ports/subscriber-directory.ts';
import type { SubscriberStore } from '../../ports/subscriber-store.ts';
import { directoryEntry } from './with-directory.ts';
import { withStatus } from './with-status.ts';

/**
 * Gives every reader written before the directory existed a row, once: a table from an older version, or one
 * filled by a bulk load. Rows written meanwhile by `withDirectory` carry the same data, so an overlap is harmless.
 */
export const ensureDirectory = async (deps: {
  store: Pick<SubscriberStore, 'listByStatus'>;
  directory: SubscriberDirectory;
}): Promise<void> => {
  if (await deps.directory.isComplete()) return;
  for (const status of ['confirmed', 'pending', 'unsubscribed'] as const) {
    let batch = [];
    for await (const record of withStatus(deps.store, status)) {
      const entry = directoryEntry(record);
      if (entry) batch.push(entry);
      if (batch.length === 500) {
        await deps.directory.putMany(batch);
        batch = [];
      }
    }
    await deps.directory.putMany(batch);
  }
  await deps.directory.markComplete();
};
