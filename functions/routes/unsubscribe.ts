import { Hono } from 'hono';
import { unsubscribe } from '../../shared/usecases/subscribers/unsubscribe.ts';
import type { PublicDeps } from '../app-deps.ts';
import { messagePage, oneButtonPage } from '../../emails/pages/layout.ts';
import { PAGE_STRINGS } from '../../shared/i18n/public/page-strings.ts';
import type { SubscriberContext } from '../subscribers/subscriber-context.ts';
import { invalidLink, languageFor, privatePage } from './token-pages.ts';

/**
 * `/u/:token`, the List-Unsubscribe target. RFC 8058: the mailbox provider POSTs `List-Unsubscribe=One-Click`
 * without cookies and does not follow redirects, so the POST unsubscribes at once and answers 200 itself.
 * The page's own form posts the same body. The GET changes nothing (scanners prefetch links).
 */
export const unsubscribeRoutes = (deps: PublicDeps, ctx: SubscriberContext) =>
  new Hono()
    .use(privatePage())
    .get('/:token', async (c) => {
      const id = await ctx.verifiedId(c, 'unsubscribe');
      const language = await languageFor(c, id, deps.subscribers, deps.settings.defaultLanguage);
      if (!id) return invalidLink(c, language);
      const s = PAGE_STRINGS[language];
      return c.html(
        oneButtonPage(language, {
          title: s.unsubscribeTitle,
          intro: s.unsubscribeIntro,
          button: s.unsubscribe,
          action: c.req.path,
          hidden: { 'List-Unsubscribe': 'One-Click' },
        }),
      );
    })
    .post('/:token', async (c) => {
      const id = await ctx.verifiedId(c, 'unsubscribe');
      const language = await languageFor(c, id, deps.subscribers, deps.settings.defaultLanguage);
      if (!id) return invalidLink(c, language);
      const { changed } = await unsubscribe(id, { store: deps.subscribers, clock: deps.clock });
      if (changed) deps.logger.info('unsubscribed', { subscriberId: id });
      const s = PAGE_STRINGS[language];
      return c.html(messagePage(language, s.unsubscribedTitle, s.unsubscribed), 200);
    });
