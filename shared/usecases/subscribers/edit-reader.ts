import type { Language } from '../../domain/issue.ts';
import type { Subscriber, SubscriberId } from '../../domain/subscriber.ts';
import type { Clock } from '../../ports/clock.ts';
import type { SubscriberStore } from '../../ports/subscriber-store.ts';

export type ReaderChange = { name: string | undefined; language: Language };

export type EditResult =
  { ok: true; subscriber: Subscriber } | { ok: false; error: 'not_found' | 'conflict' };

/** The author corrects a reader's name or language; status and consent stay as the reader left them. */
export const editReader = async (
  id: SubscriberId,
  change: ReaderChange,
  { store, clock }: { store: SubscriberStore; clock: Clock },
): Promise<EditResult> => {
  const current = await store.get(id);
  if (!current || !('email' in current)) return { ok: false, error: 'not_found' };
  const { name: _old, ...rest } = current;
  const next: Subscriber = {
    ...rest,
    ...(change.name ? { name: change.name } : {}),
    language: change.language,
    updatedAt: clock.now().toISOString(),
  };
  return (await store.replace(next, current.status))
    ? { ok: true, subscriber: next }
    : { ok: false, error: 'conflict' };
};
