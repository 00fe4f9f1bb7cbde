/**
 * A public page built once, at render time, and served as it is: the bytes, their type and a strong ETag (a
 * hash of the bytes, so equal pages have equal tags wherever they were built).
 */
export type PublicObject = {
  body: string;
  contentType: string;
  etag: string;
  /** An issue's page: its current slug (an older one redirects) and the local date it becomes public. */
  slug?: string;
  publicFrom?: string;
  /** The list and the feeds: the local date an issue written ahead joins them, when this copy goes stale... */
  staleFrom?: string;
  /** ...and the key of the copy built for that day (`archive/index~2026-12-13`). */
  next?: string;
  /**
   * The issues written ahead that this copy leaves out: one sent before its Sunday (`npm run sunday -- --now`,
   * the studio's "send now") is public at once, and the copy no longer holds.
   */
  pending?: string[];
};

/** Keys are the public path without its leading slash (`archive/feed.xml`), an issue's page `archive/issues/34`. */
export type PublicObjects = {
  get: (key: string) => Promise<PublicObject | undefined>;
  put: (key: string, object: PublicObject) => Promise<void>;
};

/** Tells the CDN that these public paths changed: its copies are dropped, the next request reads the new one. */
export type CdnInvalidator = { invalidate: (paths: readonly string[]) => Promise<void> };
