import { normaliseEmail } from '../../domain/email-address.ts';
import type { Subscriber, SubscriberStatus, Suppression } from '../../domain/subscriber.ts';
import type { SubscriberIds } from '../../ports/keyed-hash.ts';
import type { SubscriberStore } from '../../ports/subscriber-store.ts';
import { findSubscriber } from './find-subscriber.ts';

const STATUSES: readonly SubscriberStatus[] = ['pending', 'confirmed', 'unsubscribed', 'suppressed'];

export type SubscriberSearch = {
  status: SubscriberStatus;
  limit: number;
  cursor?: string | undefined;
  email?: string | undefined;
};

/**
 * One page of a status, or the one record of an address. Addresses are only ever looked up by their keyed
 * hash: exact match, a read or two, no scan.
 */
export const searchSubscribers = async (
  { status, limit, cursor, email }: SubscriberSearch,
  deps: { store: SubscriberStore; ids: () => Promise<SubscriberIds> },
): Promise<
  { ok: true; page: { items: (Subscriber | Suppression)[]; cursor?: string } } | { ok: false; error: 'email' }
> => {
  if (email === undefined)
    return {
      ok: true,
      page: await deps.store.listByStatus(status, { limit, ...(cursor ? { cursor } : {}) }),
    };
  const address = normaliseEmail(email);
  if (!address) return { ok: false, error: 'email' };
  const { record } = await findSubscriber(address, { ids: await deps.ids(), store: deps.store });
  return { ok: true, page: { items: record ? [record] : [] } };
};

/** How many records each status holds. */
export const subscriberCounts = async (store: Pick<SubscriberStore, 'countByStatus'>) =>
  Object.fromEntries(
    await Promise.all(STATUSES.map(async (s) => [s, await store.countByStatus(s)] as const)),
  );
