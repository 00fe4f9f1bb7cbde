import type { Subscriber, SubscriberId, Suppression } from '../../domain/subscriber.ts';
import type { Clock } from '../../ports/clock.ts';
import type { SubscriberStore } from '../../ports/subscriber-store.ts';

/** Everything stored about one subscriber (GDPR art. 15 and 20): the record as it is, in a stable envelope. */
export const exportSubscriberData = async (
  id: SubscriberId,
  { store, clock }: { store: SubscriberStore; clock: Clock },
): Promise<{ exportedAt: string; subscriber: Subscriber | Suppression } | undefined> => {
  const record = await store.get(id);
  return record ? { exportedAt: clock.now().toISOString(), subscriber: record } : undefined;
};

/**
 * Erasure (art. 17): the address, name, consent and preferences go; the keyed hash stays as a suppression,
 * so an old CSV imported later cannot bring the address back. Repeating it is harmless.
 */
export const eraseSubscriber = async (
  id: SubscriberId,
  { store, clock }: { store: SubscriberStore; clock: Clock },
): Promise<void> => {
  await store.suppress(id, 'erased', clock.now().toISOString());
};
