import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Language } from '../../shared/domain/issue.ts';
import type { SubscriberId } from '../../shared/domain/subscriber.ts';
import type { SubscriberStore } from '../../shared/ports/subscriber-store.ts';
import { readerLanguage } from '../../shared/usecases/subscribers/reader-language.ts';
import { messagePage } from '../../emails/pages/layout.ts';
import { PAGE_STRINGS } from '../../shared/i18n/public/page-strings.ts';

/**
 * Pages behind a signed link: never cached (they are one person's), and the token in the URL is not sent
 * on as a Referer to any page they link to.
 */
export const privatePage = () =>
  createMiddleware(async (c, next) => {
    await next();
    c.header('cache-control', 'no-store');
    c.header('referrer-policy', 'no-referrer');
  });

/** The subscriber's own language when we still know it, else what the browser asks for. */
export const languageFor = (
  c: Context,
  id: SubscriberId | undefined,
  store: SubscriberStore,
  fallback: Language,
): Promise<Language> => readerLanguage(id, store, c.req.header('accept-language'), fallback);

/** Forged, altered, expired or misused: one answer, and nothing changed. */
export const invalidLink = (c: Context, language: Language) => {
  const s = PAGE_STRINGS[language];
  return c.html(messagePage(language, s.invalidLinkTitle, s.invalidLink), 404);
};
