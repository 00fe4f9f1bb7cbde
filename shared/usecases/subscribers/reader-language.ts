import type { Language } from '../../domain/issue.ts';
import type { SubscriberId } from '../../domain/subscriber.ts';
import { pickLanguage } from '../../i18n/public/pick-language.ts';
import type { SubscriberStore } from '../../ports/subscriber-store.ts';

/** The subscriber's own language when we still know it, else what the browser asks for, else the default. */
export const readerLanguage = async (
  id: SubscriberId | undefined,
  store: Pick<SubscriberStore, 'get'>,
  acceptLanguage: string | undefined,
  fallback: Language,
): Promise<Language> => {
  const record = id ? await store.get(id) : undefined;
  if (record && 'language' in record) return record.language;
  return pickLanguage(undefined, acceptLanguage, fallback);
};
