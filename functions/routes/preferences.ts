import { publicUrls } from '../../shared/domain/public-urls.ts';
import { type Context, Hono } from 'hono';
import type { Language } from '../../shared/domain/issue.ts';
import type { SubscriberId } from '../../shared/domain/subscriber.ts';
import type { DataLinkPurpose } from '../../shared/ports/data-links.ts';
import { requestDataLink } from '../../shared/usecases/subscribers/data-link.ts';
import { readSubscriber, updatePreferences } from '../../shared/usecases/subscribers/preferences.ts';
import type { PublicDeps } from '../app-deps.ts';
import { clientIp } from '../http/client-ip.ts';
import { type BodyKind, readFormOrJson } from '../http/form-or-json.ts';
import { HttpProblem, invalidFields } from '../http/problem.ts';
import { messagePage } from '../../emails/pages/layout.ts';
import { PAGE_STRINGS } from '../../shared/i18n/public/page-strings.ts';
import { preferencesPage } from '../../emails/pages/preferences-page.ts';
import { dataLinkMail } from '../../shared/usecases/subscribers/data-link-mail.ts';
import { dataLinkAllowed } from '../../shared/usecases/subscribers/data-link-limits.ts';
import { parsePreferenceFields } from '../../shared/usecases/subscribers/preference-fields.ts';
import type { SubscriberContext } from '../subscribers/subscriber-context.ts';
import { invalidLink, languageFor, privatePage } from './token-pages.ts';

const WANTS: readonly DataLinkPurpose[] = ['export', 'erase'];

/** A refusal as the reader's page for a form, as problem+json for a JSON client. */
const refused = (
  c: Context,
  kind: BodyKind,
  language: Language,
  status: 409 | 429,
  key: 'unsubscribed' | 'changed' | 'tooMany',
  retryAfter?: number,
) => {
  const s = PAGE_STRINGS[language];
  const [title, text] =
    key === 'unsubscribed'
      ? [s.unsubscribedTitle, s.unsubscribedPreferences]
      : key === 'changed'
        ? [s.changedMeanwhileTitle, s.changedMeanwhile]
        : [s.tooManyTitle, s.tooMany(retryAfter ?? 60)];
  const headers: Record<string, string> =
    retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) };
  if (kind === 'form') return c.html(messagePage(language, title, text), status, headers);
  throw new HttpProblem(
    status,
    key === 'tooMany' ? 'too-many-requests' : key === 'changed' ? 'changed-meanwhile' : 'unsubscribed',
    title,
    text,
    { headers },
  );
};

/**
 * `/preferences/:token`: language, platform, pause. The link never expires and is in every mail, so it is
 * only as private as the reader's forwarding: export and erasure are not here, only the request for a
 * single-use link mailed to the address (see `/data`).
 */
export const preferencesRoutes = (deps: PublicDeps, ctx: SubscriberContext) => {
  const store = deps.subscribers;
  const lost = async (c: Context, id?: SubscriberId) =>
    invalidLink(c, await languageFor(c, id, store, deps.settings.defaultLanguage));
  return new Hono()
    .use(privatePage())
    .get('/:token', async (c) => {
      const id = await ctx.verifiedId(c, 'preferences');
      const subscriber = id ? await readSubscriber(id, store) : undefined;
      if (!subscriber) return lost(c);
      return c.html(preferencesPage({ subscriber, action: c.req.path }));
    })
    .post('/:token', async (c) => {
      const id = await ctx.verifiedId(c, 'preferences');
      if (!id) return lost(c);
      const { kind, fields } = await readFormOrJson(c);
      const parsed = parsePreferenceFields(fields);
      if (!parsed.ok) throw invalidFields(parsed.errors);
      const result = await updatePreferences(id, parsed.change, { store, clock: deps.clock });
      if (!result.ok && result.error === 'not_found') return lost(c);
      if (!result.ok) {
        const language = await languageFor(c, id, store, deps.settings.defaultLanguage);
        return refused(c, kind, language, 409, result.error === 'unsubscribed' ? 'unsubscribed' : 'changed');
      }
      deps.logger.info('preferences updated', { subscriberId: id, paused: parsed.change.paused });
      return c.html(preferencesPage({ subscriber: result.subscriber, action: c.req.path, saved: true }));
    })
    .post('/:token/data', async (c) => {
      const id = await ctx.verifiedId(c, 'preferences');
      if (!id) return lost(c);
      const { kind, fields } = await readFormOrJson(c);
      const want = WANTS.find((w) => w === fields.want);
      if (!want) throw invalidFields([{ pointer: '/want', detail: 'must be export or erase' }]);
      const language = await languageFor(c, id, store, deps.settings.defaultLanguage);
      const allowed = await dataLinkAllowed(id, clientIp(c), {
        rateLimits: deps.rateLimits,
        now: deps.clock.now(),
      });
      if (!allowed.ok) return refused(c, kind, language, 429, 'tooMany', allowed.retryAfterSeconds);
      const outcome = await requestDataLink(id, want, {
        store,
        links: deps.dataLinks,
        mailer: deps.mailer,
        sender: deps.sender,
        clock: deps.clock,
        linkUrl: publicUrls(deps.settings.publicBaseUrl).dataLink,
        mail: dataLinkMail(deps.settings.seriesName),
      });
      if (outcome.kind === 'not_found') return lost(c);
      deps.logger.info('data link requested', { subscriberId: id, purpose: want, outcome: outcome.kind });
      const s = PAGE_STRINGS[language];
      return kind === 'form'
        ? c.html(messagePage(language, s.dataLinkSentTitle, s.dataLinkSent))
        : c.json({ status: 'accepted', detail: s.dataLinkSent }, 202);
    });
};
