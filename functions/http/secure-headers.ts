import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import { PUBLIC_PATHS } from '../../shared/domain/public-urls.ts';

/** The players the archive's web version frames (emails/track-embeds.ts, shared/domain/playlist-link.ts). */
export const PLAYER_ORIGINS = [
  'https://open.spotify.com',
  'https://widget.deezer.com',
  'https://www.youtube-nocookie.com',
];

const policy = (directives: Record<string, string>) =>
  Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');

/**
 * One Content-Security-Policy per kind of answer. No kind allows a script: the pages are server-rendered and
 * work without one (the JSON-LD block is data, which CSP does not run). Styles are inline (the layout's
 * `<style>`, MJML's `style=` attributes), so `'unsafe-inline'` for styles only; images come from the blog's and
 * the platforms' CDNs, hence any `https:`. Nobody frames any of it (`frame-ancestors 'none'`): the blog's
 * sign-up snippet is a plain `<form>` posting to /subscribe, which needs no frame.
 */
export const POLICIES = {
  /** JSON, problem+json, feeds, CSV, redirects: nothing to load at all. */
  data: policy({ 'default-src': "'none'", 'frame-ancestors': "'none'" }),
  page: policy({
    'default-src': "'none'",
    'img-src': 'https: data:',
    'style-src': "'unsafe-inline'",
    'form-action': "'self'",
    'base-uri': "'none'",
    'frame-ancestors': "'none'",
  }),
  /** The web version of an issue frames the music players, and only those. */
  archivePage: policy({
    'default-src': "'none'",
    'img-src': 'https: data:',
    'style-src': "'unsafe-inline'",
    'frame-src': PLAYER_ORIGINS.join(' '),
    'form-action': "'self'",
    'base-uri': "'none'",
    'frame-ancestors': "'none'",
  }),
  /**
   * The admin preview is the email's HTML, shown by the studio in a sandboxed iframe of its own origin: framing
   * by 'self' is what the studio needs, and only this route allows it. Mail HTML may pull web fonts.
   */
  emailPreview: policy({
    'default-src': "'none'",
    'img-src': 'https: data:',
    'style-src': "'unsafe-inline'",
    'font-src': 'https:',
    'base-uri': "'none'",
    'form-action': "'none'",
    'frame-ancestors': "'self'",
  }),
};

const EMAIL_PREVIEW = /^\/admin\/issues\/[^/]+\/preview$/;
/** Pages behind a signed link: the token in their URL must never leave as a Referer. */
export const TOKEN_PAGE = /^\/(confirm|u|preferences|data)(\/|$)/;

const kindOf = (c: Context): keyof typeof POLICIES => {
  if (EMAIL_PREVIEW.test(c.req.path)) return 'emailPreview';
  if (!/^text\/html\b/i.test(c.res.headers.get('content-type') ?? '')) return 'data';
  return c.req.path.startsWith(PUBLIC_PATHS.archive) ? 'archivePage' : 'page';
};

const setIfMissing = (c: Context, name: string, value: string) => {
  if (!c.res.headers.has(name)) c.res.headers.set(name, value);
};

/**
 * Security headers on every answer, set after the route has run, and only where the route set none: a route
 * with a stricter policy of its own (the studio's hashed scripts, a signed page's no-referrer) keeps it.
 * `hsts` where the app is served over HTTPS only (AWS): on http://127.0.0.1 a browser would ignore it, or worse,
 * remember it for localhost.
 */
export const securityHeaders = ({ hsts = false }: { hsts?: boolean } = {}) => {
  const common = secureHeaders({
    overwrite: false,
    referrerPolicy: 'strict-origin-when-cross-origin',
    xFrameOptions: 'DENY',
    strictTransportSecurity: hsts ? 'max-age=63072000; includeSubDomains' : false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [] },
  });
  return createMiddleware(async (c, next) =>
    common(c, async () => {
      await next();
      const kind = kindOf(c);
      // A 304 has no content type to tell its kind by, and needs no policy: a cache keeps the stored answer's
      // headers where the 304 has none (RFC 9111 §4.3.4), so the page's own policy stays the page's.
      if (c.res.status !== 304) setIfMissing(c, 'content-security-policy', POLICIES[kind]);
      // Before `common` fills in its defaults, which it then leaves alone.
      if (kind === 'emailPreview') setIfMissing(c, 'x-frame-options', 'SAMEORIGIN');
      if (TOKEN_PAGE.test(c.req.path)) setIfMissing(c, 'referrer-policy', 'no-referrer');
    }),
  );
};
