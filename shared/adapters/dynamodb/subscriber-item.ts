import { normaliseEmail } from '../../domain/email-address.ts';
import type { Subscriber, SubscriberId, SubscriberStatus, Suppression } from '../../domain/subscriber.ts';

export const subscriberKey = (id: SubscriberId) => ({ pk: `SUBSCRIBER#${id}`, sk: 'SUBSCRIBER' });

/**
 * One index partition per status, ordered by id: the Sunday audience is the `confirmed` partition, paged.
 * (A partition holds a few hundred thousand keys at most here, well within what a Query pages through.)
 */
export const byStatusKey = (status: SubscriberStatus, id: SubscriberId) => ({
  gsi1pk: `SUBSCRIBERS#${status}`,
  gsi1sk: id,
});

export const toSubscriberItem = (record: Subscriber | Suppression) => ({
  ...subscriberKey(record.id),
  ...byStatusKey(record.status, record.id),
  kind: 'subscriber',
  ...record,
});

/**
 * A record stored before the canonical form may hold its address as then typed (domain in Unicode, quoted
 * local part): read, it carries the canonical form, so every mail goes to the address as SES takes it and
 * the next write stores it so. (Its id stays the hash of the old spelling: lookups find it by that.)
 */
const MAYBE_LEGACY = /[^\x21-\x7e]|["A-Z]/;

export const fromSubscriberItem = (item: Record<string, unknown>): Subscriber | Suppression => {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, kind: _kind, ...record } = item;
  // Only an address that may differ from its canonical form pays for the mapping (~80 µs): the Sunday send
  // reads every confirmed reader.
  if (typeof record.email === 'string' && MAYBE_LEGACY.test(record.email))
    record.email = normaliseEmail(record.email) ?? record.email;
  return record as Subscriber | Suppression;
};

const ID = /^sub_[A-Za-z0-9_-]{1,64}$/;

/**
 * The start key a `listByStatus` cursor may carry: exactly a subscriber's keys in this status's partition.
 * Anything else would reach DynamoDB as an ExclusiveStartKey it refuses (or a key past its size limits).
 */
export const isStartKeyFor = (status: SubscriberStatus, key: Record<string, unknown>): boolean => {
  const { pk, sk, gsi1pk, gsi1sk, ...rest } = key;
  return (
    Object.keys(rest).length === 0 &&
    typeof gsi1sk === 'string' &&
    ID.test(gsi1sk) &&
    pk === `SUBSCRIBER#${gsi1sk}` &&
    sk === 'SUBSCRIBER' &&
    gsi1pk === `SUBSCRIBERS#${status}`
  );
};
