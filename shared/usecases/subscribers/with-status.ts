import type { Subscriber, SubscriberStatus, Suppression } from '../../domain/subscriber.ts';
import type { Page } from '../../ports/subscriber-store.ts';

/** Subscribers of one status, a page at a time: how an audience is read. */
export type SubscribersByStatus = {
  listByStatus: (
    status: SubscriberStatus,
    options: { limit: number; cursor?: string },
  ) => Promise<Page<Subscriber | Suppression>>;
};

/** Every record of one status, page after page (500 a query): for the few reads that need them all. */
export async function* withStatus(
  subscribers: SubscribersByStatus,
  status: SubscriberStatus,
): AsyncGenerator<Subscriber | Suppression> {
  let cursor: string | undefined;
  do {
    const page = await subscribers.listByStatus(status, { limit: 500, ...(cursor ? { cursor } : {}) });
    yield* page.items;
    cursor = page.cursor;
  } while (cursor);
}
