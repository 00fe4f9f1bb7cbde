import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { normaliseEmail } from '../../shared/domain/email-address.ts';
import { publicUrls } from '../../shared/domain/public-urls.ts';
import { askForSignIn, signOut } from '../../shared/usecases/studio/sign-in-request.ts';
import { completeSignIn, SESSION_HOURS } from '../../shared/usecases/studio/studio-sign-in.ts';
import { signInMail } from '../../emails/studio/sign-in-mail.ts';
import { clientIp } from '../http/client-ip.ts';
import { signInConfirmPage, signInMessage, signInPage } from '../../emails/studio/sign-in-pages.tsx';
import { COOKIE, requireSession, type StudioEnv } from './session.ts';
import { studioStrings } from '../../shared/i18n/studio/studio-strings.ts';
import type { StudioDeps } from './studio-deps.ts';
import type { StudioPorts } from './studio-ports.ts';

/** `/studio/sign-in` (the form, the link's landing page and its POST) and `/studio/sign-out`. */
export const signInRoutes = (deps: StudioDeps, ports: StudioPorts) => {
  const { studio, clock } = deps;
  const language = studio.language;
  const t = studioStrings(language).signIn;
  return (
    new Hono<StudioEnv>()
      .get('/sign-in', (c) => c.html(signInPage(language)))
      .post('/sign-in', async (c) => {
        const form = await c.req.parseBody();
        const address = normaliseEmail(typeof form.email === 'string' ? form.email : '');
        const base = deps.settings.publicBaseUrl;
        const result = await askForSignIn(
          {
            ...ports,
            linkUrl: publicUrls(base).studioSignIn,
            mail: signInMail(language),
          },
          address,
          clientIp(c),
        );
        if (!result.ok) {
          const minutes = Math.ceil(result.retryAfterSeconds / 60);
          return c.html(signInMessage({ language, title: t.limitedTitle, text: t.limited(minutes) }), 429, {
            'retry-after': String(result.retryAfterSeconds),
          });
        }
        deps.logger.info('studio sign-in requested', { mailed: result.sent });
        return c.html(signInMessage({ language, title: t.sentTitle, text: t.sent }));
      })
      // A GET changes nothing: mail scanners that open links must not use up the one sign-in.
      .get('/sign-in/:token', (c) => c.html(signInConfirmPage(language, c.req.param('token'))))
      .post('/sign-in/:token', async (c) => {
        const signedIn = await completeSignIn(c.req.param('token'), { auth: studio.auth, clock });
        if (!signedIn)
          return c.html(
            signInMessage({ language, title: t.refusedTitle, text: t.refused, again: true }),
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
        await signOut(ports, getCookie(c, COOKIE, 'host'));
        deleteCookie(c, COOKIE, { prefix: 'host', path: '/', secure: true });
        return c.html(signInMessage({ language, title: t.signedOutTitle, text: t.signedOut, again: true }));
      })
  );
};
