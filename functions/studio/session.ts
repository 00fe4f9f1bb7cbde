import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { timingSafeEqual } from 'hono/utils/buffer';
import type { StudioSession } from '../../shared/ports/studio-auth.ts';
import { currentSession } from '../../shared/usecases/studio/studio-sign-in.ts';
import { HttpProblem } from '../http/problem.ts';
import type { StudioDeps } from './studio-deps.ts';

/** `__Host-`: the browser keeps it only if Secure, Path=/ and without Domain, so no subdomain can set it. */
export const COOKIE = 'dimanche-studio';
export const COOKIE_NAME = `__Host-${COOKIE}`;

export type StudioEnv = { Variables: { session: StudioSession } };

const SAFE = new Set(['GET', 'HEAD']);

/**
 * Every studio route but sign-in: no live session → the sign-in page. A state-changing request must also carry
 * the session's CSRF token (form field `_csrf`), compared in constant time; without it, 403 and nothing done.
 */
export const requireSession = (deps: StudioDeps) =>
  createMiddleware<StudioEnv>(async (c, next) => {
    const session = await currentSession(getCookie(c, COOKIE, 'host'), {
      auth: deps.studio.auth,
      clock: deps.clock,
    });
    if (!session) return c.redirect('/studio/sign-in', 303);
    // Set before the token check: a refused form's page still shows her navigation (nothing else reads it).
    c.set('session', session);
    if (!SAFE.has(c.req.method)) {
      const type = c.req.header('content-type') ?? '';
      const form =
        type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')
          ? await c.req.parseBody()
          : {};
      const token = typeof form._csrf === 'string' ? form._csrf : '';
      if (!token || !(await timingSafeEqual(token, session.csrfToken)))
        throw new HttpProblem(
          403,
          'csrf-token',
          'The form has no valid CSRF token',
          'Reload the page and send the form again.',
          { errors: [{ pointer: '/_csrf', detail: 'is missing or does not match the session' }] },
        );
    }
    await next();
  });
