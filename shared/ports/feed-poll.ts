/** What a conditional GET sends back (RFC 9110 §13): the validators of the copy we hold. */
export type FeedValidators = { etag?: string; lastModified?: string };

export type FeedFetch =
  | { kind: 'not_modified' }
  | { kind: 'fetched'; body: string; validators: FeedValidators }
  /** Any answer but 200 or 304 (a 301 too: a moved feed is her address to fix, not ours to follow forever). */
  /** `notPublic`: never fetched, the address is loopback, private, link-local, … */
  | { kind: 'failed'; detail: string; notPublic?: true };

export type FeedSource = { fetch: (url: string, validators: FeedValidators) => Promise<FeedFetch> };

/** One entry of an RSS or Atom feed, reduced to what a post needs. */
export type FeedItem = { id: string; link?: string; title: string; html: string; published?: string };

export type ParsedFeed =
  { ok: true; link?: string; generator?: string; items: FeedItem[] } | { ok: false; detail: string };

export type FeedParser = { parse: (body: string) => Promise<ParsedFeed> };

/** What is remembered of a feed between polls: its validators, the entries already seen, the failures in a row. */
export type FeedPollState = {
  url: string;
  validators: FeedValidators;
  seen: string[];
  failures: number;
  lastPolledAt: string;
  /** When the first readable poll recorded the entries already there; none yet: the next one does. */
  initialisedAt?: string;
};

export type FeedPollStore = {
  get: (url: string) => Promise<FeedPollState | undefined>;
  put: (state: FeedPollState) => Promise<void>;
};

/** A new entry handed to the post path: taken (or left alone for good), or to try again next poll. */
export type FeedItemOutcome = 'taken' | 'ignored' | 'retry';

/** The author is told once, after three failed polls in a row. */
export type FeedTrouble = { url: string; failures: number; detail: string; notPublic?: true };
