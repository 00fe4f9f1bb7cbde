import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { normaliseEmail } from '../../shared/domain/email-address.ts';
import {
  completeSignIn,
  requestSignIn,
  secretHash,
  SESSION_HOURS,
} from '../../shared/usecases/studio/studio-sign-in.ts';
import { escapeHtml } from '../../emails/escape-html.ts';
import { clientIp } from '../http/client-ip.ts';
import { document, Layout } from './layout.tsx';
import { COOKIE, requireSession, type StudioEnv } from './session.ts';
import { studioStrings } from '../../shared/i18n/studio/studio-strings.ts';
import type { StudioDeps } from './studio-deps.ts';

/** Per IP, a few tries in ten minutes; per address, one link a minute, whoever's address it is. */
export const STUDIO_SIGN_IN_LIMITS = { perIp: { limit: 10, windowSeconds: 600 }, addressSeconds: 60 };

const Message = (props: { language: 'fr' | 'en'; title: string; text: string; again?: boolean }) => (
  <Layout language={props.language} title={props.title}>
    <h1>{props.title}</h1>
    <p role="status">{props.text}</p>
    {props.again ? <a href="/studio/sign-in">{studioStrings(props.language).signIn.again}</a> : null}
  </Layout>
);

/** `/studio/sign-in` (the form, the link's landing page and its POST) and `/studio/sign-out`. */
export const signInRoutes = (deps: StudioDeps) => {
  const { studio, clock } = deps;
  const language = studio.language;
  const t = studioStrings(language).signIn;
  return (
    new Hono<StudioEnv>()
      .get('/sign-in', (c) =>
        c.html(
          document(
            <Layout language={language} title={t.title}>
              <h1>{t.title}</h1>
              <p>{t.intro}</p>
              <form method="post" action="/studio/sign-in">
                <label for="email">{t.email}</label>
                <input id="email" name="email" type="email" autocomplete="email" required />
                <p>
                  <button type="submit">{t.button}</button>
                </p>
              </form>
            </Layout>,
          ),
        ),
      )
      .post('/sign-in', async (c) => {
        const form = await c.req.parseBody();
        const address = normaliseEmail(typeof form.email === 'string' ? form.email : '');
        const now = clock.now();
        const byIp = await deps.rateLimits.hit(
          `studio-ip:${clientIp(c) ?? 'unknown'}`,
          STUDIO_SIGN_IN_LIMITS.perIp,
          now,
        );
        // Every address has its own cooldown, the author's or not, so a refusal says nothing about whose it is.
        const byAddress = byIp.ok
          ? await deps.rateLimits.cooldown(
              `studio-address:${secretHash(address ?? 'none')}`,
              STUDIO_SIGN_IN_LIMITS.addressSeconds,
              now,
            )
          : byIp;
        if (!byAddress.ok) {
          const minutes = Math.ceil(byAddress.retryAfterSeconds / 60);
          return c.html(
            document(<Message language={language} title={t.limitedTitle} text={t.limited(minutes)} />),
            429,
            { 'retry-after': String(byAddress.retryAfterSeconds) },
          );
        }
        const base = deps.settings.publicBaseUrl;
        const result = await requestSignIn(address, {
          authorEmail: studio.authorEmail,
          auth: studio.auth,
          mailer: deps.mailer,
          sender: deps.sender,
          clock,
          linkUrl: (token) => `${base}/studio/sign-in/${token}`,
          mail: (link) => ({
            subject: t.mailSubject,
            text: t.mailText(link),
            html: `<p>${escapeHtml(t.mailText('')).replaceAll('\n', '<br>')}</p><p><a href="${escapeHtml(link)}">${escapeHtml(t.mailButton)}</a></p>`,
          }),
        });
        deps.logger.info('studio sign-in requested', { mailed: result.sent });
        return c.html(document(<Message language={language} title={t.sentTitle} text={t.sent} />));
      })
      // A GET changes nothing: mail scanners that open links must not use up the one sign-in.
      .get('/sign-in/:token', (c) =>
        c.html(
          document(
            <Layout language={language} title={t.confirmTitle}>
              <h1>{t.confirmTitle}</h1>
              <p>{t.confirm}</p>
              <form method="post" action={`/studio/sign-in/${encodeURIComponent(c.req.param('token'))}`}>
                <button type="submit">{t.confirmButton}</button>
              </form>
            </Layout>,
          ),
        ),
      )
      .post('/sign-in/:token', async (c) => {
        const signedIn = await completeSignIn(c.req.param('token'), { auth: studio.auth, clock });
        if (!signedIn)
          return c.html(
            document(<Message language={language} title={t.refusedTitle} text={t.refused} again />),
            403,
          );
        setCookie(c, COOKIE, signedIn.cookie, {
          prefix: 'host',
          httpOnly: true,
          secure: true,
          sameSite: 'Strict',
          path: '/',
          maxAge: SESSION_HOURS * 3600,
        });
        deps.logger.info('studio signed in', {});
        return c.redirect('/studio', 303);
      })
      .post('/sign-out', requireSession(deps), async (c) => {
        const cookie = getCookie(c, COOKIE, 'host');
        if (cookie) await studio.auth.endSession(secretHash(cookie));
        deleteCookie(c, COOKIE, { prefix: 'host', path: '/', secure: true });
        return c.html(
          document(<Message language={language} title={t.signedOutTitle} text={t.signedOut} again />),
        );
      })
  );
};
