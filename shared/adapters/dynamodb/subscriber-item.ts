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

export const fromSubscriberItem = (item: Record<string, unknown>): Subscriber | Suppression => {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, kind: _kind, ...record } = item;
  return record as Subscriber | Suppression;
};
