import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppDeps } from './app-deps.ts';
import { HttpProblem, problemResponse } from './http/problem.ts';
import { adminRoutes } from './routes/admin.ts';
import { adminSubscriberRoutes } from './routes/admin-subscribers.ts';
import { archiveRoutes } from './routes/archive.ts';
import { confirmRoutes } from './routes/confirm.ts';
import { exportRoutes, preferencesRoutes } from './routes/preferences.ts';
import { subscribeRoutes } from './routes/subscribe.ts';
import { unsubscribeRoutes } from './routes/unsubscribe.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { subscriberContext } from './subscribers/subscriber-context.ts';

/** The whole HTTP surface as a pure fetch handler; Lambda and the local server only adapt it. */
export const createApp = (deps: AppDeps) => {
  const subscribers = subscriberContext(deps);
  const app = new Hono()
    .get('/health', (c) => c.json({ ok: true }))
    .route('/webhooks', webhookRoutes(deps))
    .route('/admin', adminRoutes(deps))
    .route('/archive', archiveRoutes(deps))
    // Subscribers (issue 4): sign-up, the signed-link pages, the admin API.
    .route('/subscribe', subscribeRoutes(deps, subscribers))
    .route('/confirm', confirmRoutes(deps, subscribers))
    .route('/u', unsubscribeRoutes(deps, subscribers))
    .route('/preferences', preferencesRoutes(deps, subscribers))
    .route('/export', exportRoutes(deps, subscribers))
    .route('/admin/subscribers', adminSubscriberRoutes(deps, subscribers));

  app.notFound(() =>
    problemResponse({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'No route matches this path.',
    }),
  );
  app.onError((error, c) => {
    if (error instanceof HttpProblem) return problemResponse(error.problem, error.headers);
    if (error instanceof HTTPException) {
      const challenge = error.getResponse().headers.get('www-authenticate');
      return problemResponse(
        {
          type: 'about:blank',
          title: error.status === 401 ? 'Unauthorized' : 'Error',
          status: error.status,
          detail: error.message || 'Request refused.',
        },
        challenge ? { 'www-authenticate': challenge } : {},
      );
    }
    deps.logger.error('unhandled error', { error, method: c.req.method, path: c.req.path });
    return problemResponse({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'Something failed on our side; it was logged.',
    });
  });
  return app;
};
