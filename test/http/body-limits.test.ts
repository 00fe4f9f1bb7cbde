import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createAdminApp } from '../../functions/admin-app.ts';
import type { AppDeps } from '../../functions/app-deps.ts';
import { createApp } from '../../functions/create-app.ts';
import { bodyLimitRules, CSV_IMPORT_MAX_BYTES, FORM_MAX_BYTES } from '../../functions/http/limit-body.ts';
import { withProblems } from '../../functions/http/with-problems.ts';
import { createPublicApp } from '../../functions/public-app.ts';
import { studioApp } from '../../functions/studio/studio-app.tsx';
import type { StudioDeps } from '../../functions/studio/studio-deps.ts';
import { admin, testApp } from '../support/test-app.ts';

// Issue 18: one body limit for every route that takes one, applied before anything else runs. The route tables
// are walked, so a route added later (studio forms, new webhooks) is held to it without this file naming it.

const WEBHOOK_BYTES = 256 * 1024;

/**
 * Deps that record every use: any property read or call after the app is built is a handler (or a middleware
 * after the limit) at work. Only what an app reads while it is built is answered with something real.
 */
const recordingDeps = () => {
  const touched: string[] = [];
  let building = true;
  // What the studio picks its strings and formats by while it is built.
  const known: Record<string, unknown> = { studio: undefined, 'studio.language': 'fr' };
  const anything = (path: string): unknown =>
    path in known && path !== 'studio'
      ? known[path]
      : new Proxy(() => undefined, {
          get: (_, key) => {
            if (key === Symbol.toPrimitive) return () => path;
            if (typeof key === 'symbol' || key === 'then') return undefined;
            if (!building) touched.push(`${path}.${key}`);
            return anything(`${path}.${key}`);
          },
          apply: () => {
            if (!building) touched.push(`${path}()`);
            return anything(`${path}()`);
          },
        });
  const settings = new Proxy(
    {
      maxWebhookBytes: WEBHOOK_BYTES,
      publicBaseUrl: 'https://newsletter.example.org',
      seriesName: 'Online Sunday Morning Sound',
      timeZone: 'Europe/Paris',
      defaultLanguage: 'fr',
      authorLanguage: 'fr',
    } as Record<string, unknown>,
    {
      get: (target, key) => {
        if (typeof key === 'symbol') return undefined;
        if (!building) touched.push(`settings.${key}`);
        return key in target ? target[key] : anything(`settings.${key}`);
      },
    },
  );
  const get = (key: string | symbol) => {
    if (typeof key === 'symbol' || key === 'then') return undefined;
    if (key === 'settings') return settings;
    if (!building) touched.push(String(key));
    return anything(String(key));
  };
  // Listed, so that `{ ...deps }` (how the whole app hands them to the studio) copies them.
  const keys = ['issues', 'receipts', 'renderTrigger', 'clock', 'logger', 'settings', 'subscribers']
    .concat(['rateLimits', 'mailer', 'campaigns', 'socialAttempts', 'clicks', 'sender', 'confirmationMail'])
    .concat(['warnings', 'blogPosts', 'studio']);
  const deps = new Proxy({} as AppDeps, {
    get: (_, key) => get(key),
    ownKeys: () => keys,
    getOwnPropertyDescriptor: (_, key) => ({ configurable: true, enumerable: true, value: get(key) }),
  });
  return { deps, touched, built: () => (building = false) };
};

/** Every route that may take a body, as a concrete path (`:token` → `x`), with the limit it should have. */
const bodyRoutes = (app: Hono) => {
  const rules = bodyLimitRules({ maxWebhookBytes: WEBHOOK_BYTES });
  const seen = new Set<string>();
  return app.routes
    .filter((r) => !['GET', 'HEAD', 'OPTIONS', 'ALL'].includes(r.method))
    .map((r) => ({ method: r.method, path: r.path.replace(/:[^/]+/g, 'x').replace(/\*/g, 'x') }))
    .filter(({ method, path }) => !seen.has(`${method} ${path}`) && Boolean(seen.add(`${method} ${path}`)))
    .map((r) => ({
      ...r,
      maxBytes: rules.find((rule) => r.path.startsWith(rule.prefix))?.maxBytes ?? FORM_MAX_BYTES,
    }));
};

const oversized = (method: string, path: string, bytes: number) =>
  new Request(`https://newsletter.example.org${path}`, {
    method,
    headers: { ...admin.headers, 'content-type': 'application/json', 'content-length': String(bytes) },
    body: '"' + 'a'.repeat(bytes - 2) + '"',
  });

describe.each([
  ['public', (deps: AppDeps) => createPublicApp(deps)],
  ['admin', (deps: AppDeps) => createAdminApp(deps)],
  ['whole (npm start)', (deps: AppDeps) => createApp(deps)],
  // As the admin function serves it on AWS (functions/lambda/admin.ts), where no outer app covers it.
  [
    'studio',
    (deps: AppDeps) => withProblems(new Hono().route('/studio', studioApp(deps as StudioDeps)), deps),
  ],
] as const)('the %s app', (_name, build) => {
  it('refuses a body one byte over its route’s limit with 413 (problem+json, a page in the studio), before any handler runs', async () => {
    const { deps, touched, built } = recordingDeps();
    const app = build(deps);
    built();
    const routes = bodyRoutes(app);
    expect(routes.length).toBeGreaterThan(0);
    for (const { method, path, maxBytes } of routes) {
      const res = await app.fetch(oversized(method, path, maxBytes + 1));
      expect(res.status, `${method} ${path}`).toBe(413);
      if (path.startsWith('/studio/')) {
        // The author's browser gets a page in her language (functions/studio/error-pages.tsx), not JSON.
        expect(res.headers.get('content-type'), `${method} ${path}`).toMatch(/^text\/html/);
        expect(await res.text(), `${method} ${path}`).toContain(
          `le fichier dépasse ${Math.floor(maxBytes / 1024 / 1024) || 1} Mo`,
        );
      } else {
        expect(res.headers.get('content-type'), `${method} ${path}`).toMatch(/^application\/problem\+json/);
        expect(await res.json(), `${method} ${path}`).toMatchObject({ status: 413, maxBytes });
      }
      expect(touched, `${method} ${path}: the request went past the limit`).toEqual([]);
    }
  });
});

describe('the limits', () => {
  it('are a form’s 16 KiB on sign-up and preferences, the webhook’s own on the blog’s posts, 4 MiB on the CSV import', async () => {
    const { deps, built } = recordingDeps();
    const app = createApp(deps);
    built();
    const limits = Object.fromEntries(bodyRoutes(app).map((r) => [`${r.method} ${r.path}`, r.maxBytes]));
    expect(limits).toMatchObject({
      'POST /subscribe': 16 * 1024,
      'POST /preferences/x': 16 * 1024,
      'POST /u/x': 16 * 1024,
      'POST /webhooks/posts': WEBHOOK_BYTES,
      'POST /admin/subscribers/import': CSV_IMPORT_MAX_BYTES,
      'POST /studio/sign-in': 16 * 1024,
      'POST /studio/subscribers/import': CSV_IMPORT_MAX_BYTES,
    });
  });

  it('let a form at the limit through to its handler, and stop a streamed body with no length at the limit', async () => {
    const t = await testApp();
    const form = `email=${'a'.repeat(FORM_MAX_BYTES - 'email='.length)}`;
    const atLimit = await t.app.request('/subscribe', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    // The handler read it, and refused the address, not the size.
    expect(atLimit.status).toBe(422);

    let pulled = 0;
    const chunk = new TextEncoder().encode('a'.repeat(1024));
    const stream = new ReadableStream<Uint8Array>({
      pull: (controller) => {
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const streamed = await t.app.request('/subscribe', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    // Reading stopped at the limit: an endless body costs 16 KiB and change.
    expect(pulled).toBeLessThan(FORM_MAX_BYTES + 8 * 1024);
  });
});
