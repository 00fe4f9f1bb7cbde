import { createMiddleware } from 'hono/factory';

/**
 * Every studio answer: no script but the studio's own file, no inline style, no framing of the studio by
 * anyone, no referrer (a sign-in link must never leak), nothing cached. The email preview, framed by the
 * studio itself, sets its own policy (see `emailPreviewHeaders`).
 */
export const STUDIO_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const studioHeaders = () =>
  createMiddleware(async (c, next) => {
    await next();
    if (!c.res.headers.has('content-security-policy'))
      c.res.headers.set('content-security-policy', STUDIO_CSP);
    c.res.headers.set('referrer-policy', 'no-referrer');
    c.res.headers.set('x-content-type-options', 'nosniff');
    c.res.headers.set('cross-origin-opener-policy', 'same-origin');
    if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store');
  });

/** The email as a reader gets it, in the studio's sandboxed iframe: its inline styles and remote images only. */
export const emailPreviewHeaders = {
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; font-src https:; frame-ancestors 'self'",
  'x-frame-options': 'SAMEORIGIN',
  'cache-control': 'no-store',
};
