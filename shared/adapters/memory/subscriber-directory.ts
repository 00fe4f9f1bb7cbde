import { readerSearchText } from '../../domain/search-text.ts';
import type { SubscriberId } from '../../domain/subscriber.ts';
import type {
  Backfill,
  DirectoryEntry,
  ListedStatus,
  SubscriberDirectory,
} from '../../ports/subscriber-directory.ts';

type Row = { id: SubscriberId; text: string; status: ListedStatus };

// Address first, so rows sort in address order; the id keeps the key unique (as the table's sort key does).
const rowKey = ({ id, email }: Pick<DirectoryEntry, 'id' | 'email'>) => `${email} ${id}`;
const encode = (key: string) => Buffer.from(key).toString('base64url');
const decode = (after: string | undefined) =>
  after ? Buffer.from(after, 'base64url').toString('utf8') : undefined;

/** One small row per reader, searched by part of the address or name, in address order. */
export const memorySubscriberDirectory = (): SubscriberDirectory => {
  const rows = new Map<string, Row>();
  let backfill: Backfill = { done: false, rows: 0 };
  const put = (entry: DirectoryEntry) =>
    rows.set(rowKey(entry), {
      id: entry.id,
      text: readerSearchText(entry.email, entry.name),
      status: entry.status,
    });
  return {
    put: async (entry) => {
      put(entry);
    },
    putMany: async (entries) => {
      for (const entry of entries) put(entry);
    },
    remove: async (entry) => {
      rows.delete(rowKey(entry));
    },
    search: async ({ text, status, after, limit }) => {
      const from = decode(after);
      const matches = [...rows]
        .filter(([key]) => from === undefined || key > from)
        .filter(([, row]) => row.text.includes(text) && (status === undefined || row.status === status))
        .sort(([a], [b]) => (a < b ? -1 : 1));
      const page = matches.slice(0, limit);
      const last = page.at(-1);
      return {
        ids: page.map(([, row]) => row.id),
        ...(matches.length > limit && last ? { after: encode(last[0]) } : {}),
      };
    },
    backfill: async () => structuredClone(backfill),
    saveBackfill: async (state) => {
      backfill = structuredClone(state);
    },
  };
};
