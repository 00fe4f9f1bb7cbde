import { type EmailAddress, legacySpellings } from '../../domain/email-address.ts';
import type { Subscriber, SubscriberId, Suppression } from '../../domain/subscriber.ts';
import type { SubscriberIds } from '../../ports/keyed-hash.ts';

/** A record by id: a subscriber, or the suppression that replaced one. */
export type SubscriberById = { get: (id: SubscriberId) => Promise<Subscriber | Suppression | undefined> };

export type FindDeps = { ids: SubscriberIds; store: SubscriberById };

export type Found = { id: SubscriberId; record?: Subscriber | Suppression };

/** Every record of one mailbox, canonical key first: normally one; more when old spellings made duplicates. */
export const allRecordsOf = async (email: EmailAddress, deps: FindDeps): Promise<Required<Found>[]> => {
  const ids = [email, ...legacySpellings(email)].map((spelling) => deps.ids.idFor(spelling));
  const records = await Promise.all(ids.map(async (id) => ({ id, record: await deps.store.get(id) })));
  return records.filter((r): r is Required<Found> => r.record !== undefined);
};

// Which record speaks for the mailbox when old spellings left several: a bounce or a complaint first (never
// mail it), then the most engaged state; an erasure last, since the reader may opt in again.
const rank = (record: Subscriber | Suppression): number => {
  if ('reason' in record) return record.reason === 'erased' ? 5 : 0;
  return { confirmed: 1, pending: 2, unsubscribed: 3, suppressed: 4 }[record.status];
};

/**
 * The record of a mailbox by its canonical address, including one stored before the canonical form under a
 * legacy spelling (Unicode domain, quoted local part). Without any, the canonical id, where a new one goes.
 */
export const findSubscriber = async (email: EmailAddress, deps: FindDeps): Promise<Found> => {
  const found = await allRecordsOf(email, deps);
  const [best] = found.sort((a, b) => rank(a.record) - rank(b.record));
  return best ?? { id: deps.ids.idFor(email) };
};
