import { InvalidCursorError } from '../../domain/invalid-cursor.ts';
import type { Subscriber, SubscriberId, Suppression } from '../../domain/subscriber.ts';
import type { SubscriberStore } from '../../ports/subscriber-store.ts';
import { decodeCursor, encodeCursor } from '../dynamodb/cursor.ts';
import { byStatusKey, isStartKeyFor, subscriberKey } from '../dynamodb/subscriber-item.ts';
import { stored } from './stored.ts';

/**
 * One record per id. A status is paged in id order with the table's own cursor (the key of the last item
 * read), so a cursor handed out by one implementation means the same to the other and a forged one is refused
 * alike; like a DynamoDB Query, a page that reaches its limit carries a cursor even when nothing follows.
 */
export const memorySubscriberStore = (): SubscriberStore => {
  const records = new Map<SubscriberId, Subscriber | Suppression>();
  const read = (id: SubscriberId) => {
    const record = records.get(id);
    return record ? stored(record) : undefined;
  };

  return {
    get: async (id) => read(id),

    create: async (subscriber) => {
      if (records.has(subscriber.id)) return false;
      records.set(subscriber.id, stored(subscriber));
      return true;
    },

    replace: async (next, expected) => {
      const current = records.get(next.id);
      const version = next.version ?? 0;
      const currentVersion = current && 'version' in current ? current.version : undefined;
      const matches =
        current?.status === expected &&
        (version === 0 ? currentVersion === undefined : currentVersion === version);
      if (matches) records.set(next.id, stored({ ...next, version: version + 1 }));
      return matches;
    },

    suppress: async (id, reason, at) => {
      if (records.get(id)?.status === 'suppressed') return;
      records.set(id, { id, status: 'suppressed', reason, suppressedAt: at });
    },

    remove: async (id) => {
      records.delete(id);
    },

    listByStatus: async (status, { limit, cursor }) => {
      const start = decodeCursor(cursor);
      if (start && !isStartKeyFor(status, start)) throw new InvalidCursorError();
      const after = start?.gsi1sk as string | undefined;
      const ids = [...records.values()]
        .filter((record) => record.status === status && (after === undefined || record.id > after))
        .map((record) => record.id)
        .sort()
        .slice(0, limit);
      const last = ids.length === limit ? ids.at(-1) : undefined;
      const next = last ? encodeCursor({ ...subscriberKey(last), ...byStatusKey(status, last) }) : undefined;
      return { items: ids.map((id) => read(id) as Subscriber), ...(next ? { cursor: next } : {}) };
    },

    countByStatus: async (status) => [...records.values()].filter((r) => r.status === status).length,
  };
};
