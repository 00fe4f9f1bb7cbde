import { normaliseEmail } from '../../domain/email-address.ts';
import type { Subscriber, SubscriberId, Suppression } from '../../domain/subscriber.ts';
import type { Clock } from '../../ports/clock.ts';
import type { SubscriberIds } from '../../ports/keyed-hash.ts';
import type { SubscriberStore } from '../../ports/subscriber-store.ts';
import { allRecordsOf } from './find-subscriber.ts';

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
 * so an old CSV imported later cannot bring the address back. Repeating it is harmless. With `ids`, every
 * record of the same mailbox goes too (spellings stored as separate records before the canonical form):
 * erasing one spelling erases the reader.
 */
export const eraseSubscriber = async (
  id: SubscriberId,
  { store, clock, ids }: { store: SubscriberStore; clock: Clock; ids?: SubscriberIds },
): Promise<void> => {
  const at = clock.now().toISOString();
  const record = ids ? await store.get(id) : undefined;
  const email = record && 'email' in record ? normaliseEmail(record.email) : undefined;
  const siblings = ids && email ? await allRecordsOf(email, { ids, store }) : [];
  for (const other of siblings) if (other.id !== id) await store.suppress(other.id, 'erased', at);
  await store.suppress(id, 'erased', at);
};
