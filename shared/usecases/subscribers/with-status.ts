import type { Subscriber, SubscriberStatus, Suppression } from '../../domain/subscriber.ts';
import type { SubscriberStore } from '../../ports/subscriber-store.ts';

/** Every record of one status, page after page (500 a query): for the few reads that need them all. */
export async function* withStatus(
  subscribers: Pick<SubscriberStore, 'listByStatus'>,
  status: SubscriberStatus,
): AsyncGenerator<Subscriber | Suppression> {
  let cursor: string | undefined;
  do {
    const page = await subscribers.listByStatus(status, { limit: 500, ...(cursor ? { cursor } : {}) });
    yield* page.items;
    cursor = page.cursor;
  } while (cursor);
}
