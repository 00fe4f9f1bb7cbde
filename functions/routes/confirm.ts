import { Hono } from 'hono';
import { confirmSubscription } from '../../shared/usecases/subscribers/confirm.ts';
import type { PublicDeps } from '../app-deps.ts';
import { clientIp } from '../http/client-ip.ts';
import { messagePage, oneButtonPage } from '../../emails/pages/layout.ts';
import { PAGE_STRINGS } from '../../shared/i18n/public/page-strings.ts';
import type { SubscriberContext } from '../subscribers/subscriber-context.ts';
import { invalidLink, languageFor, privatePage } from './token-pages.ts';

/**
 * `/confirm/:token`. The GET only shows a button, because mail scanners fetch every link in a mail; the
 * POST, made by a person, confirms and records the consent evidence.
 */
export const confirmRoutes = (deps: PublicDeps, ctx: SubscriberContext) =>
  new Hono()
    .use(privatePage())
    .get('/:token', async (c) => {
      const id = await ctx.verifiedId(c, 'confirm');
      const language = await languageFor(c, id, deps.subscribers, deps.settings.defaultLanguage);
      if (!id) return invalidLink(c, language);
      const s = PAGE_STRINGS[language];
      return c.html(
        oneButtonPage(language, {
          title: s.confirmTitle,
          intro: s.confirmIntro,
          button: s.confirm,
          action: c.req.path,
        }),
      );
    })
    .post('/:token', async (c) => {
      const id = await ctx.verifiedId(c, 'confirm');
      const language = await languageFor(c, id, deps.subscribers, deps.settings.defaultLanguage);
      if (!id) return invalidLink(c, language);
      const ip = clientIp(c, deps.settings.edgeToken);
      const userAgent = c.req.header('user-agent');
      const result = await confirmSubscription(
        id,
        { ...(ip ? { ip } : {}), ...(userAgent ? { userAgent } : {}) },
        { store: deps.subscribers, clock: deps.clock },
      );
      const s = PAGE_STRINGS[language];
      if (!result.ok) return c.html(messagePage(language, s.confirmTitle, s.notPending), 409);
      deps.logger.info('subscription confirmed', { subscriberId: id, already: result.alreadyConfirmed });
      return c.html(messagePage(language, s.confirmedTitle, s.confirmed));
    });
