import type { SubscriberId } from '../../domain/subscriber.ts';
import type { Clock } from '../../ports/clock.ts';
import type { SubscriberStore } from '../../ports/subscriber-store.ts';

export type UnsubscribeResult = { changed: boolean };

/** The reader's "unsubscribe" kept losing races to other writes: rare, and never answered as done. */
export class UnsubscribeContendedError extends Error {
  override name = 'UnsubscribeContendedError';
  constructor(id: SubscriberId) {
    super(`unsubscribe of ${id} lost every attempt to concurrent writes`);
  }
}

// Every lost attempt means another write won; a burst of preference changes is a few dozen at most.
const ATTEMPTS = 50;

/**
 * Honoured at once and idempotent (RFC 8058): whatever the record's state, the answer is "you are out".
 * Once the write commits, the record leaves the `confirmed` index the Sunday send pages through. Written over
 * the version read, and tried again on what a concurrent write (a confirm, a preference change) stored, so
 * neither undoes the other.
 */
export const unsubscribe = async (
  id: SubscriberId,
  { store, clock }: { store: SubscriberStore; clock: Clock },
): Promise<UnsubscribeResult> => {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const current = await store.get(id);
    if (!current || current.status === 'suppressed' || current.status === 'unsubscribed')
      return { changed: false };
    const now = clock.now().toISOString();
    const next = { ...current, status: 'unsubscribed' as const, unsubscribedAt: now, updatedAt: now };
    if (await store.replace(next, current.status)) return { changed: true };
  }
  throw new UnsubscribeContendedError(id);
};
