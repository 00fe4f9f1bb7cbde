import type { SubscriberId } from '../domain/subscriber.ts';

/** What a mailed data link lets its one user do, once. */
export type DataLinkPurpose = 'export' | 'erase';

export type DataLink = {
  hash: string;
  subscriberId: SubscriberId;
  purpose: DataLinkPurpose;
  expiresAt: string;
};

/**
 * The links a reader asks for from the preferences page to export or erase their data, kept by the hash of
 * their secret only (a copy of the table holds no usable link), like the studio's sign-in links.
 */
export type DataLinkStore = {
  save: (link: DataLink) => Promise<void>;
  /** The link if it is unused and unexpired at `now`, without using it (a page that only shows a button). */
  peek: (hash: string, now: string) => Promise<DataLink | undefined>;
  /** Marks it used if it is unused and unexpired at `now`: the link, once, for one caller. */
  consume: (hash: string, now: string) => Promise<DataLink | undefined>;
};
