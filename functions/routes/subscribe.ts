import { type Context, Hono } from 'hono';
import type { Language } from '../../shared/domain/issue.ts';
import { publicObject } from '../../shared/domain/public-object.ts';
import type { PublicObject } from '../../shared/ports/public-objects.ts';
import type { RateDecision } from '../../shared/ports/rate-limits.ts';
import { requestSignUp } from '../../shared/usecases/subscribers/request-sign-up.ts';
import type { PublicDeps } from '../app-deps.ts';
import { clientIp } from '../http/client-ip.ts';
import { type BodyKind, readFormOrJson } from '../http/form-or-json.ts';
import { pickLanguage } from '../../shared/i18n/public/pick-language.ts';
import { HttpProblem, invalidFields } from '../http/problem.ts';
import { CACHE_CONTROL, objectResponse } from '../http/object-response.ts';
import { messagePage } from '../../emails/pages/layout.ts';
import { PAGE_STRINGS } from '../../shared/i18n/public/page-strings.ts';
import { subscribePage } from '../../emails/pages/subscribe-page.ts';
import { parseSignUpFields } from '../../shared/usecases/subscribers/sign-up-fields.ts';
import type { SubscriberContext } from '../subscribers/subscriber-context.ts';

const HTML = 'text/html; charset=UTF-8';

/**
 * The sign-up form and its POST. Every accepted request gets the same answer, whatever the address's state
 * (new, pending, confirmed, suppressed) or a filled honeypot: the form must not tell who is subscribed.
 */
export const subscribeRoutes = (deps: PublicDeps, ctx: SubscriberContext) => {
  const languageOf = (c: Context, chosen?: unknown) =>
    pickLanguage(
      chosen ?? c.req.query('lang'),
      c.req.header('accept-language'),
      deps.settings.defaultLanguage,
    );

  const forms = new Map<Language, PublicObject>();
  return new Hono()
    .get('/', (c) => {
      const language = languageOf(c);
      const source = c.req.query('source');
      if (source !== undefined) return c.html(subscribePage(language, { source }));
      // The plain form is the same bytes for every reader of a language: built once, kept, served with an ETag.
      let page = forms.get(language);
      if (!page)
        forms.set(language, (page = publicObject(String(subscribePage(language, { source: 'form' })), HTML)));
      return objectResponse(c, page, CACHE_CONTROL.list, ['accept-language']);
    })
    .post('/', async (c) => {
      const { kind, fields: raw } = await readFormOrJson(c);
      const parsed = parseSignUpFields(raw);
      const language = languageOf(c, parsed.ok ? parsed.fields.language : raw.language);
      if (!parsed.ok) {
        const emailOnly = parsed.errors.every((e) => e.pointer === '/email');
        if (kind === 'form' && emailOnly) {
          const state = { email: String(raw.email ?? ''), name: String(raw.name ?? ''), emailError: true };
          return c.html(subscribePage(language, state), 422);
        }
        throw invalidFields(parsed.errors);
      }
      const { fields } = parsed;
      const request = { language, ip: clientIp(c, deps.settings.edgeToken), now: deps.clock.now() };
      const result = await requestSignUp(fields, request, {
        rateLimits: deps.rateLimits,
        signUp: ctx.useCaseDeps,
      });
      if (result.kind === 'too_many') return tooMany(c, kind, language, result.decision);
      if (result.kind === 'bot') {
        deps.logger.info('sign-up honeypot filled', { source: fields.source });
        return accepted(c, kind, language);
      }
      const { subscriberId: id, outcome } = result;
      const send = outcome.kind === 'confirmation_sent' ? outcome.send.kind : undefined;
      if (send && send !== 'sent')
        deps.logger.warn('confirmation not sent', { subscriberId: id, outcome: send });
      deps.logger.info('sign-up', { subscriberId: id, outcome: outcome.kind, source: fields.source });
      return accepted(c, kind, language);
    });
};

const accepted = (c: Context, kind: BodyKind, language: Language) => {
  const s = PAGE_STRINGS[language];
  return kind === 'form'
    ? c.html(messagePage(language, s.checkInboxTitle, s.checkInbox), 200)
    : c.json({ status: 'accepted', detail: s.checkInbox }, 202);
};

const tooMany = (c: Context, kind: BodyKind, language: Language, decision: RateDecision & { ok: false }) => {
  const retryAfter = String(decision.retryAfterSeconds);
  if (kind === 'form') {
    const s = PAGE_STRINGS[language];
    return c.html(messagePage(language, s.tooManyTitle, s.tooMany(decision.retryAfterSeconds)), 429, {
      'retry-after': retryAfter,
    });
  }
  throw new HttpProblem(429, 'too-many-requests', 'Too many requests', `Retry in ${retryAfter} seconds.`, {
    headers: { 'retry-after': retryAfter },
  });
};
