import type { Language } from '../../domain/issue.ts';
import type { Platform } from '../../domain/platforms.ts';
import type { Subscriber, SubscriberId } from '../../domain/subscriber.ts';
import type { Clock } from '../../ports/clock.ts';
import type { SubscriberStore } from '../../ports/subscriber-store.ts';

export type PreferenceChange = { language: Language; platform?: Platform; paused: boolean };

export type PreferencesResult =
  { ok: true; subscriber: Subscriber } | { ok: false; error: 'not_found' | 'conflict' };

/** Language, platform and pause. Nothing here changes the status: leaving is the unsubscribe link's job. */
export const updatePreferences = async (
  id: SubscriberId,
  change: PreferenceChange,
  { store, clock }: { store: SubscriberStore; clock: Clock },
): Promise<PreferencesResult> => {
  const current = await store.get(id);
  if (!current || current.status === 'suppressed') return { ok: false, error: 'not_found' };
  const next: Subscriber = {
    ...current,
    language: change.language,
    preferences: { ...(change.platform ? { platform: change.platform } : {}), paused: change.paused },
    updatedAt: clock.now().toISOString(),
  };
  return (await store.replace(next, current.status))
    ? { ok: true, subscriber: next }
    : { ok: false, error: 'conflict' };
};

/** The record as the page shows it, or nothing for a suppressed or unknown id. */
export const readSubscriber = async (id: SubscriberId, store: SubscriberStore) => {
  const current = await store.get(id);
  return current && current.status !== 'suppressed' ? current : undefined;
};
