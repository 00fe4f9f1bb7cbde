import { type Context, Hono } from 'hono';
import { isDataLinkSecret, openDataLink, useDataLink } from '../../shared/usecases/subscribers/data-link.ts';
import type { PublicDeps } from '../app-deps.ts';
import { dataLinkPage } from '../../emails/pages/data-link-page.ts';
import { messagePage } from '../../emails/pages/layout.ts';
import { PAGE_STRINGS } from '../../shared/i18n/public/page-strings.ts';
import type { SubscriberContext } from '../subscribers/subscriber-context.ts';
import { invalidLink, languageFor, privatePage } from './token-pages.ts';

/**
 * `/data/:secret`: the single-use, 15-minute link mailed from the preferences page. GET shows what it does;
 * POST does it, once: the reader's data as a JSON download, or their erasure.
 */
export const dataLinkRoutes = (deps: PublicDeps, ctx: SubscriberContext) => {
  const store = deps.subscribers;
  const lost = async (c: Context) =>
    invalidLink(c, await languageFor(c, undefined, store, deps.settings.defaultLanguage));
  return new Hono()
    .use(privatePage())
    .get('/:secret', async (c) => {
      const secret = c.req.param('secret');
      const link = isDataLinkSecret(secret)
        ? await openDataLink(secret, { links: deps.dataLinks, clock: deps.clock })
        : undefined;
      if (!link) return lost(c);
      const language = await languageFor(c, link.subscriberId, store, deps.settings.defaultLanguage);
      return c.html(dataLinkPage(language, link.purpose, c.req.path));
    })
    .post('/:secret', async (c) => {
      const secret = c.req.param('secret');
      if (!isDataLinkSecret(secret)) return lost(c);
      const { ids } = await ctx.keys();
      const used = await useDataLink(secret, { links: deps.dataLinks, store, ids, clock: deps.clock });
      if (!used) return lost(c);
      if (used.purpose === 'export') {
        deps.logger.info('subscriber data exported', { subscriberId: used.data.subscriber.id });
        return c.json(used.data, 200, { 'content-disposition': 'attachment; filename="dimanche-data.json"' });
      }
      deps.logger.info('subscriber erased', { subscriberId: used.subscriberId, by: 'subscriber' });
      const language =
        used.language ?? (await languageFor(c, undefined, store, deps.settings.defaultLanguage));
      const s = PAGE_STRINGS[language];
      return c.html(messagePage(language, s.erasedTitle, s.erased));
    });
};
