import type { SubscriberId } from '../../domain/subscriber.ts';
import type { Clock } from '../../ports/clock.ts';
import type { SubscriberStore } from '../../ports/subscriber-store.ts';

export type UnsubscribeResult = { changed: boolean };

/**
 * Honoured at once and idempotent (RFC 8058): whatever the record's state, the answer is "you are out".
 * Once the write commits, the record leaves the `confirmed` index the Sunday send pages through.
 */
export const unsubscribe = async (
  id: SubscriberId,
  { store, clock }: { store: SubscriberStore; clock: Clock },
): Promise<UnsubscribeResult> => {
  // Two attempts: a concurrent confirm or preference change may win the first conditional write.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const current = await store.get(id);
    if (!current || current.status === 'suppressed' || current.status === 'unsubscribed')
      return { changed: false };
    const now = clock.now().toISOString();
    const next = { ...current, status: 'unsubscribed' as const, unsubscribedAt: now, updatedAt: now };
    if (await store.replace(next, current.status)) return { changed: true };
  }
  return { changed: false };
};
