import { searchForm } from '../../domain/search-text.ts';
import type { Subscriber, Suppression } from '../../domain/subscriber.ts';
import type { ListedStatus, SubscriberDirectory } from '../../ports/subscriber-directory.ts';
import { ensureDirectory } from './ensure-directory.ts';
import type { SubscriberById } from './find-subscriber.ts';
import type { SubscribersByStatus } from './with-status.ts';

export type ReaderFilter = ListedStatus | 'suppressed' | 'all';

export type ReaderQuery = { search: string; filter: ReaderFilter; after?: string; limit: number };

export type ReaderPage =
  /** `indexing`: the one-time backfill is not finished; the list lacks readers written before the directory. */
  | { kind: 'readers'; items: Subscriber[]; after?: string; indexing?: { rows: number } }
  /** Bounces, complaints and erasures keep no address or name: they are listed, never searched. */
  | { kind: 'suppressed'; items: Suppression[]; after?: string };

/** Abonnés: every reader in address order, a page at a time, by status and by any part of address or name. */
export const listReaders = async (
  query: ReaderQuery,
  deps: { store: SubscribersByStatus & SubscriberById; directory: SubscriberDirectory },
): Promise<ReaderPage> => {
  if (query.filter === 'suppressed') {
    const page = await deps.store.listByStatus('suppressed', {
      limit: query.limit,
      ...(query.after ? { cursor: query.after } : {}),
    });
    return {
      kind: 'suppressed',
      items: page.items.filter((r): r is Suppression => !('email' in r)),
      ...(page.cursor ? { after: page.cursor } : {}),
    };
  }
  const backfill = await ensureDirectory(deps);
  const page = await deps.directory.search({
    text: searchForm(query.search),
    ...(query.filter === 'all' ? {} : { status: query.filter }),
    ...(query.after ? { after: query.after } : {}),
    limit: query.limit,
  });
  // A row a racing write left behind (an erased reader) is dropped here rather than shown.
  const records = await Promise.all(page.ids.map((id) => deps.store.get(id)));
  return {
    kind: 'readers',
    items: records.filter((r): r is Subscriber => r !== undefined && 'email' in r),
    ...(page.after ? { after: page.after } : {}),
    ...(backfill.done ? {} : { indexing: { rows: backfill.rows } }),
  };
};
