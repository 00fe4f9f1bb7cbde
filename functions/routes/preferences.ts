import { Hono } from 'hono';
import { readSubscriber, updatePreferences } from '../../shared/usecases/subscribers/preferences.ts';
import { eraseSubscriber, exportSubscriberData } from '../../shared/usecases/subscribers/privacy.ts';
import type { PublicDeps } from '../app-deps.ts';
import { readFormOrJson } from '../http/form-or-json.ts';
import { HttpProblem, invalidFields } from '../http/problem.ts';
import { messagePage } from '../pages/layout.ts';
import { PAGE_STRINGS } from '../pages/page-strings.ts';
import { preferencesPage } from '../pages/preferences-page.ts';
import { subscriberLinks } from '../subscribers/links.ts';
import { parsePreferenceFields } from '../subscribers/preference-fields.ts';
import type { SubscriberContext } from '../subscribers/subscriber-context.ts';
import { invalidLink, languageFor, privatePage } from './token-pages.ts';

/** `/preferences/:token`: language, platform, pause; and from there the reader's data export and erasure. */
export const preferencesRoutes = (deps: PublicDeps, ctx: SubscriberContext) => {
  const store = deps.subscribers;
  const page = async (
    subscriber: Parameters<typeof preferencesPage>[0]['subscriber'],
    path: string,
    saved = false,
  ) => {
    const { tokens } = await ctx.keys();
    const { exportUrl } = await subscriberLinks(deps.settings.publicBaseUrl, tokens, subscriber.id);
    return preferencesPage({ subscriber, action: path, exportUrl, saved });
  };
  return new Hono()
    .use(privatePage())
    .get('/:token', async (c) => {
      const id = await ctx.verifiedId(c, 'preferences');
      const subscriber = id ? await readSubscriber(id, store) : undefined;
      if (!subscriber)
        return invalidLink(c, await languageFor(c, undefined, store, deps.settings.defaultLanguage));
      return c.html(await page(subscriber, c.req.path));
    })
    .post('/:token', async (c) => {
      const id = await ctx.verifiedId(c, 'preferences');
      if (!id) return invalidLink(c, await languageFor(c, undefined, store, deps.settings.defaultLanguage));
      const parsed = parsePreferenceFields((await readFormOrJson(c)).fields);
      if (!parsed.ok) throw invalidFields(parsed.errors);
      const result = await updatePreferences(id, parsed.change, { store, clock: deps.clock });
      if (!result.ok && result.error === 'not_found')
        return invalidLink(c, await languageFor(c, undefined, store, deps.settings.defaultLanguage));
      if (!result.ok)
        throw new HttpProblem(
          409,
          'changed-meanwhile',
          'Changed meanwhile',
          'Your subscription changed meanwhile; reload the page.',
        );
      deps.logger.info('preferences updated', { subscriberId: id, paused: parsed.change.paused });
      return c.html(await page(result.subscriber, c.req.path, true));
    })
    .post('/:token/erase', async (c) => {
      const id = await ctx.verifiedId(c, 'preferences');
      const language = await languageFor(c, id, store, deps.settings.defaultLanguage);
      if (!id) return invalidLink(c, language);
      await eraseSubscriber(id, { store, clock: deps.clock });
      deps.logger.info('subscriber erased', { subscriberId: id, by: 'subscriber' });
      const s = PAGE_STRINGS[language];
      return c.html(messagePage(language, s.erasedTitle, s.erased));
    });
};

/** `/export/:token`: everything stored about the reader, as a JSON download. */
export const exportRoutes = (deps: PublicDeps, ctx: SubscriberContext) =>
  new Hono().use(privatePage()).get('/:token', async (c) => {
    const id = await ctx.verifiedId(c, 'export');
    const data = id
      ? await exportSubscriberData(id, { store: deps.subscribers, clock: deps.clock })
      : undefined;
    if (!data)
      return invalidLink(c, await languageFor(c, undefined, deps.subscribers, deps.settings.defaultLanguage));
    return c.json(data, 200, { 'content-disposition': 'attachment; filename="dimanche-data.json"' });
  });
