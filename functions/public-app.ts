import { Hono } from 'hono';
import type { PublicDeps } from './app-deps.ts';
import { limitBodies } from './http/limit-body.ts';
import { securityHeaders } from './http/secure-headers.ts';
import { withProblems } from './http/with-problems.ts';
import { archiveRoutes } from './routes/archive.ts';
import { confirmRoutes } from './routes/confirm.ts';
import { dataLinkRoutes } from './routes/data-links.ts';
import { preferencesRoutes } from './routes/preferences.ts';
import { subscribeRoutes } from './routes/subscribe.ts';
import { unsubscribeRoutes } from './routes/unsubscribe.ts';
import { subscriberContext } from './subscribers/subscriber-context.ts';

/**
 * What readers reach: the archive, sign-up and the signed-link pages. Her blog's webhooks (the signed post and
 * WordPress.com's notification) are the admin function's (admin-app.ts): the post parser, the sanitiser and her
 * mails stay out of the function a reader's click cold-starts.
 */
export const createPublicApp = (deps: PublicDeps) => {
  const subscribers = subscriberContext(deps);
  const app = new Hono()
    // Outermost: its headers go on every answer, a 413 or a 401 included (see secure-headers.ts).
    .use('*', securityHeaders({ hsts: deps.settings.hsts === true }))
    // First: no route reads a body over its limit (limit-body.ts says how a route gets a larger one).
    .use('*', limitBodies(deps.settings))
    .get('/health', (c) => c.json({ ok: true }))
    .route('/archive', archiveRoutes(deps))
    .route('/subscribe', subscribeRoutes(deps, subscribers))
    .route('/confirm', confirmRoutes(deps, subscribers))
    .route('/u', unsubscribeRoutes(deps, subscribers))
    .route('/preferences', preferencesRoutes(deps, subscribers))
    .route('/data', dataLinkRoutes(deps, subscribers));
  return withProblems(app, deps);
};
