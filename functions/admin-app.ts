import { Hono } from 'hono';
import type { AppDeps } from './app-deps.ts';
import { adminAuth } from './http/admin-auth.ts';
import { limitBodies } from './http/limit-body.ts';
import { securityHeaders } from './http/secure-headers.ts';
import { withProblems } from './http/with-problems.ts';
import { adminRoutes } from './routes/admin.ts';
import { adminImportRoutes } from './routes/admin-import.ts';
import { adminSocialRoutes } from './routes/admin-social.ts';
import { adminSubscriberRoutes } from './routes/admin-subscribers.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { wordpressNotificationRoutes } from './routes/wordpress-notifications.ts';
import { subscriberContext } from './subscribers/subscriber-context.ts';

/**
 * The author's and the operator's API (bearer token): preview (email and social posts), test-send, campaigns,
 * subscribers and their CSV import and export; and her blog's webhooks (the signed post, WordPress.com's notification). On AWS it is its own function, so CSV parsing never weighs on a
 * reader's cold start.
 */
export const createAdminApp = (deps: AppDeps) => {
  const app = new Hono()
    // Outermost: its headers go on every answer, a 413 or a 401 included (see secure-headers.ts).
    .use('*', securityHeaders({ hsts: deps.settings.hsts === true }))
    // First: no route reads a body over its limit (limit-body.ts says how a route gets a larger one).
    .use('*', limitBodies(deps.settings))
    // One check for every admin route, in one place: each sub-app checking again would read the secret twice.
    .use('/admin/*', adminAuth(deps.settings.secrets))
    .route('/admin/subscribers', adminSubscriberRoutes(deps, subscriberContext(deps)))
    .route('/admin', adminRoutes(deps))
    .route('/admin', adminSocialRoutes(deps))
    .route('/admin', adminImportRoutes(deps))
    // Her blog's webhooks: the signed post, and WordPress.com's notification (its token in the path), which may
    // mail her (a blog whose API leads to a private address is hers to fix). Here, not in the readers' function.
    .route('/webhooks', webhookRoutes(deps))
    .route('/webhooks', wordpressNotificationRoutes(deps));
  return withProblems(app, deps);
};
