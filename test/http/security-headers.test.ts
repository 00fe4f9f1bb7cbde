import type { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAdminApp } from '../../functions/admin-app.ts';
import type { AppDeps } from '../../functions/app-deps.ts';
import { POLICIES, TOKEN_PAGE } from '../../functions/http/secure-headers.ts';
import { createPublicApp } from '../../functions/public-app.ts';
import { examplePostBody } from '../builders/issue.ts';
import { signedPost } from '../support/signed-request.ts';
import { admin, testApp } from '../support/test-app.ts';

// Issue 17: every answer of every route carries the security headers. The route tables are walked, so a route
// added later is held to it without this file naming it.

type App = Pick<Hono, 'routes' | 'request'>;

/** Every route as a concrete path (`:token` → `x`), once per method. */
const routesOf = (app: App) => {
  const seen = new Set<string>();
  return app.routes
    .filter((r) => r.method !== 'ALL')
    .map((r) => ({ method: r.method, path: r.path.replace(/:[^/]+/g, 'x').replace(/\*/g, 'x') }))
    .filter(({ method, path }) => !seen.has(`${method} ${path}`) && Boolean(seen.add(`${method} ${path}`)));
};

const expectHardened = (res: Response, what: string, path: string) => {
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp, what).toMatch(/default-src 'none'/);
  expect(csp, what).not.toMatch(/script-src (?!'self')/);
  expect(csp, what).toMatch(/frame-ancestors '(none|self)'/);
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
  expect(res.headers.get('x-frame-options'), what).toMatch(/^(DENY|SAMEORIGIN)$/);
  expect(res.headers.get('cross-origin-opener-policy'), what).toBe('same-origin');
  const referrer = res.headers.get('referrer-policy');
  if (TOKEN_PAGE.test(path)) expect(referrer, what).toBe('no-referrer');
  else expect(referrer, what).toMatch(/^(strict-origin-when-cross-origin|no-referrer)$/);
};

/** Each route, anonymous and with the admin token, plus a path nobody routes. */
const walk = async (app: App, headers: Record<string, string> = {}) => {
  const routes = routesOf(app);
  for (const { method, path } of [...routes, { method: 'GET', path: '/nowhere' }]) {
    for (const auth of [{}, admin.headers]) {
      const init: RequestInit = { method, headers: { ...headers, ...auth } };
      if (!['GET', 'HEAD'].includes(method)) init.body = '{}';
      const res = await app.request(path, init);
      expectHardened(res, `${method} ${path} → ${res.status}`, path);
    }
  }
  return routes.length;
};

/** Deps that fail on any use once built: each route answers (a 500 is an answer too) and is checked. */
const failingDeps = () => {
  let building = true;
  const anything = (): unknown =>
    new Proxy(() => undefined, {
      get: (_, key) => (key === 'then' || typeof key === 'symbol' ? undefined : anything()),
      apply: () => {
        if (!building) throw new Error('not in this test');
        return anything();
      },
    });
  const settings = {
    maxWebhookBytes: 256 * 1024,
    publicBaseUrl: 'https://newsletter.example.org',
    seriesName: 'Online Sunday Morning Sound',
    timeZone: 'Europe/Paris',
    defaultLanguage: 'fr',
    authorLanguage: 'fr',
    hsts: true,
    secrets: async () => Promise.reject(new Error('no secrets here')),
    social: anything(),
  };
  // The 500 handler logs: that one use is allowed.
  const silent = new Proxy({}, { get: () => () => undefined });
  const deps = new Proxy({} as AppDeps, {
    get: (_, key) =>
      key === 'settings'
        ? settings
        : key === 'logger'
          ? silent
          : key === 'then' || typeof key === 'symbol'
            ? undefined
            : anything(),
  });
  return { deps, built: () => (building = false) };
};

describe('the whole app (npm start)', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => {
    t = await testApp();
  });

  it('sets the security headers on every route of its table, anonymous or signed in', async () => {
    expect(await walk(t.app)).toBeGreaterThan(20);
  }, 60_000);

  it('gives a page a policy with no script, and a JSON answer one that loads nothing', async () => {
    const page = await t.app.request('/subscribe');
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toBe(POLICIES.page);
    expect(page.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    const health = await t.app.request('/health');
    expect(health.headers.get('content-security-policy')).toBe(POLICIES.data);
  });

  it('keeps a signed page’s own no-referrer and a route’s own stricter policy', async () => {
    const confirm = await t.app.request('/confirm/not-a-token');
    expect(confirm.headers.get('referrer-policy')).toBe('no-referrer');
    expect(confirm.headers.get('cache-control')).toBe('no-store');
    const click = await t.app.request('/r/unknown');
    expect(click.headers.get('content-security-policy')).toBe(POLICIES.data);
  });

  // Issue 26: a browser revalidating a page updates its stored headers with the 304's (RFC 9111 §4.3.4); a 304
  // with another policy than the page's 200 would then apply it to the page.
  it('sends no policy with a 304 that differs from its page’s, for an archive page and the sign-up form', async () => {
    expect((await t.app.request('/webhooks/posts', signedPost(examplePostBody()))).status).toBe(201);
    t.clock.set('2026-11-29T09:00:00Z');
    for (const path of ['/archive/34-chambre-en-provence', '/subscribe']) {
      const page = await t.app.request(path);
      expect(page.status, path).toBe(200);
      const etag = page.headers.get('etag') ?? '';
      const again = await t.app.request(path, { headers: { 'if-none-match': etag } });
      expect(again.status, path).toBe(304);
      const csp = again.headers.get('content-security-policy');
      expect([null, page.headers.get('content-security-policy')], path).toContain(csp);
      expect(again.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
  });

  it('lets only the admin preview be framed, by its own origin (the studio), and sends no HSTS on http', async () => {
    const preview = await t.app.request('/admin/issues/iss_34/preview', admin);
    expect(preview.headers.get('content-security-policy')).toBe(POLICIES.emailPreview);
    expect(preview.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect((await t.app.request('/subscribe')).headers.get('x-frame-options')).toBe('DENY');
    expect(preview.headers.get('strict-transport-security')).toBeNull();
  });
});

describe.each([
  ['public', (deps: AppDeps) => createPublicApp(deps)],
  ['admin', (deps: AppDeps) => createAdminApp(deps)],
] as const)('the %s function’s app (AWS)', (_name, build) => {
  it('sets them on every route, failures included, with HSTS', async () => {
    const { deps, built } = failingDeps();
    const app = build(deps);
    built();
    expect(await walk(app)).toBeGreaterThan(3);
    const res = await app.request('/nowhere');
    expect(res.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
  });
});
