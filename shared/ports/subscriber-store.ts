import type {
  Subscriber,
  SubscriberId,
  SubscriberStatus,
  Suppression,
  SuppressionReason,
} from '../domain/subscriber.ts';

export type Page<T> = { items: T[]; cursor?: string };

/**
 * Subscribers and suppressions, one record per address (the id is a keyed hash of it). Every change is one
 * conditional write on the status and version it read, so two requests racing cannot both win.
 */
export type SubscriberStore = {
  get: (id: SubscriberId) => Promise<Subscriber | Suppression | undefined>;
  /** false when a record for this id exists already (subscriber or suppression). Stored without a version (0). */
  create: (subscriber: Subscriber) => Promise<boolean>;
  /**
   * Writes `next` if the stored record still has status `expected` and the version `next` carries (the one
   * it was read at; none for a suppression or a record older than versions); false otherwise. The stored
   * record gets the next version.
   */
  replace: (next: Subscriber, expected: SubscriberStatus) => Promise<boolean>;
  /** Drops every personal field and keeps the suppression; repeating it is harmless. */
  suppress: (id: SubscriberId, reason: SuppressionReason, at: string) => Promise<void>;
  remove: (id: SubscriberId) => Promise<void>;
  /** Subscribers of one status in a stable order, a page at a time (the cursor is opaque). */
  listByStatus: (
    status: SubscriberStatus,
    options: { limit: number; cursor?: string },
  ) => Promise<Page<Subscriber | Suppression>>;
  countByStatus: (status: SubscriberStatus) => Promise<number>;
};
