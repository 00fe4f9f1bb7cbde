import type { EmailAddress } from '../domain/email-address.ts';
import type { Language } from '../domain/issue.ts';
import type { SubscriberId, SubscriberStatus } from '../domain/subscriber.ts';

/** A reader who still has an address: suppressed records have none and are never listed here. */
export type ListedStatus = Exclude<SubscriberStatus, 'suppressed'>;

export type DirectoryEntry = {
  id: SubscriberId;
  email: EmailAddress;
  name?: string;
  language: Language;
  status: ListedStatus;
};

/** Done, or where to resume: the status being copied and the cursor in it (none: from its start). */
export type Backfill = { done: boolean; rows: number; status?: ListedStatus; cursor?: string };

export type DirectoryQuery = {
  /** Already in `searchForm`; empty: every reader. */
  text: string;
  status?: ListedStatus;
  /** The opaque position after which this page starts (the previous page's `after`). */
  after?: string;
  limit: number;
};

/**
 * Every reader with an address in address order, found by part of it or of the name. DynamoDB has no substring
 * search, so the adapter keeps one small row per reader beside the record and filters those.
 */
export type SubscriberDirectory = {
  put: (entry: DirectoryEntry) => Promise<void>;
  putMany: (entries: readonly DirectoryEntry[]) => Promise<void>;
  remove: (entry: Pick<DirectoryEntry, 'id' | 'email'>) => Promise<void>;
  /** The matching ids in address order; the records are read from the store, which stays the truth. */
  search: (query: DirectoryQuery) => Promise<{ ids: SubscriberId[]; after?: string }>;
  /** How far the one-time backfill of records written before the directory existed has got. */
  backfill: () => Promise<Backfill>;
  saveBackfill: (state: Backfill) => Promise<void>;
};
