import type { Language } from '../../domain/issue.ts';
import type { Platform } from '../../domain/platforms.ts';
import type { Subscriber, SubscriberId } from '../../domain/subscriber.ts';
import type { Clock } from '../../ports/clock.ts';
import type { SubscriberStore } from '../../ports/subscriber-store.ts';

export type PreferenceChange = { language: Language; platform?: Platform; paused: boolean };

export type PreferencesResult =
  { ok: true; subscriber: Subscriber } | { ok: false; error: 'not_found' | 'unsubscribed' | 'conflict' };

// Each lost race means another write succeeded; past this many, answer "changed meanwhile" truthfully.
const ATTEMPTS = 5;

/**
 * Language, platform and pause, written over the version just read: a concurrent change (another tab, an
 * unsubscribe) makes the write fail and the change is tried again on what won, so "saved" is only ever said
 * of what is stored. Nothing here changes the status: leaving is the unsubscribe link's job, and after it
 * preferences are refused (a change would otherwise read as a way back in).
 */
export const updatePreferences = async (
  id: SubscriberId,
  change: PreferenceChange,
  { store, clock }: { store: SubscriberStore; clock: Clock },
): Promise<PreferencesResult> => {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const current = await store.get(id);
    if (!current || current.status === 'suppressed') return { ok: false, error: 'not_found' };
    if (current.status === 'unsubscribed') return { ok: false, error: 'unsubscribed' };
    const next: Subscriber = {
      ...current,
      language: change.language,
      preferences: { ...(change.platform ? { platform: change.platform } : {}), paused: change.paused },
      updatedAt: clock.now().toISOString(),
    };
    if (await store.replace(next, current.status))
      return { ok: true, subscriber: { ...next, version: (current.version ?? 0) + 1 } };
  }
  return { ok: false, error: 'conflict' };
};

/** The record as the page shows it, or nothing for a suppressed or unknown id. */
export const readSubscriber = async (id: SubscriberId, store: SubscriberStore) => {
  const current = await store.get(id);
  return current && current.status !== 'suppressed' ? current : undefined;
};
