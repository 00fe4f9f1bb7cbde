import type { SubscriberId } from '../../domain/subscriber.ts';
import type { Clock } from '../../ports/clock.ts';
import type { SubscriberStore } from '../../ports/subscriber-store.ts';

/** What the confirming request itself shows: it is the proof of consent, next to what the sign-up said. */
export type ConfirmEvidence = { ip?: string; userAgent?: string };

export type ConfirmResult =
  { ok: true; alreadyConfirmed: boolean } | { ok: false; error: 'not_found' | 'not_pending' };

/** pending → confirmed, recording the consent: when, from where, by which form, under which text version. */
export const confirmSubscription = async (
  id: SubscriberId,
  evidence: ConfirmEvidence,
  { store, clock }: { store: SubscriberStore; clock: Clock },
): Promise<ConfirmResult> => {
  const current = await store.get(id);
  if (!current || current.status === 'suppressed') return { ok: false, error: 'not_found' };
  if (current.status === 'confirmed') return { ok: true, alreadyConfirmed: true };
  if (current.status !== 'pending') return { ok: false, error: 'not_pending' };

  const now = clock.now().toISOString();
  const { signUp, ...rest } = current;
  const confirmed = {
    ...rest,
    status: 'confirmed' as const,
    consent: {
      at: now,
      ...(evidence.ip ? { ip: evidence.ip } : {}),
      ...(evidence.userAgent ? { userAgent: evidence.userAgent.slice(0, 512) } : {}),
      source: signUp?.source ?? 'form',
      textVersion: signUp?.textVersion ?? 'unknown',
    },
    confirmedAt: now,
    updatedAt: now,
  };
  if (await store.replace(confirmed, 'pending')) return { ok: true, alreadyConfirmed: false };
  // Someone else changed it meanwhile (a double click, an unsubscribe): read what won.
  const after = await store.get(id);
  return after?.status === 'confirmed'
    ? { ok: true, alreadyConfirmed: true }
    : { ok: false, error: 'not_pending' };
};
