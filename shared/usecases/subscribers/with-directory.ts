import type { Subscriber, Suppression } from '../../domain/subscriber.ts';
import type { DirectoryEntry, SubscriberDirectory } from '../../ports/subscriber-directory.ts';
import type { SubscriberStore } from '../../ports/subscriber-store.ts';

/** The directory's row for a record: none for a suppression, which keeps no address to find it by. */
export const directoryEntry = (record: Subscriber | Suppression): DirectoryEntry | undefined =>
  record.status === 'suppressed' || !('email' in record)
    ? undefined
    : {
        id: record.id,
        email: record.email,
        ...(record.name ? { name: record.name } : {}),
        language: record.language,
        status: record.status,
      };

/**
 * The store with its directory kept alongside: each write that commits is then mirrored, so every use case that
 * changes a reader (sign-up, confirm, import, bounces, erasure…) keeps search current without knowing of it.
 * The row follows the record, never the other way: a failed mirror leaves a stale row that the record page
 * (read from the store) corrects, and an erasure removes the address from both.
 */
export const withDirectory = (store: SubscriberStore, directory: SubscriberDirectory): SubscriberStore => {
  const mirror = async (record: Subscriber | Suppression) => {
    const entry = directoryEntry(record);
    if (entry) await directory.put(entry);
  };
  const forget = async (before: Subscriber | Suppression | undefined) => {
    if (before && 'email' in before) await directory.remove(before);
  };
  return {
    ...store,
    create: async (subscriber) => {
      const created = await store.create(subscriber);
      if (created) await mirror(subscriber);
      return created;
    },
    replace: async (next, expected) => {
      const replaced = await store.replace(next, expected);
      if (replaced) await mirror(next);
      return replaced;
    },
    suppress: async (id, reason, at) => {
      const before = await store.get(id);
      await store.suppress(id, reason, at);
      await forget(before);
    },
    remove: async (id) => {
      const before = await store.get(id);
      await store.remove(id);
      await forget(before);
    },
  };
};
