import { Hono } from 'hono';
import { createAdminApp } from './admin-app.ts';
import type { AppDeps } from './app-deps.ts';
import type { Studio } from './studio/studio-deps.ts';
import { studioApp } from './studio/studio-app.tsx';
import { limitBodies } from './http/limit-body.ts';
import { securityHeaders } from './http/secure-headers.ts';
import { withProblems } from './http/with-problems.ts';
import { createPublicApp } from './public-app.ts';
import { redirectRoutes } from './routes/redirect.ts';

/** The whole HTTP surface as one pure fetch handler: on one machine, and in tests. */
export const createApp = (deps: AppDeps & { studio?: Studio }) => {
  const limits = limitBodies(deps.settings);
  const studio = Boolean(deps.studio);
  return withProblems(
    new Hono()
      // The apps set theirs; this one covers /r and an unknown path.
      .use('*', securityHeaders({ hsts: deps.settings.hsts === true }))
      // Each app limits its own bodies too (they run alone on AWS); here, an app mounted later is covered. The
      // studio, limited first thing by its own app, is left to it: its refusal is a page in her language.
      .use('*', (c, next) => (studio && c.req.path.startsWith('/studio/') ? next() : limits(c, next)))
      // The author's studio (browser, magic-link session); on AWS the admin function serves it too.
      .route('/studio', studioApp(deps.studio ? { ...deps, studio: deps.studio } : undefined))
      // Its own function on AWS (functions/lambda/redirect.ts): the public one never loads it.
      .route('/r', redirectRoutes({ clicks: deps.clicks, logger: deps.logger }))
      // Before the admin app: its middleware matches every path, and a public page answered first never runs it
      // (the public web pays for its own headers and limits once, as on AWS, not for the admin's too).
      .route('/', createPublicApp(deps))
      .route('/', createAdminApp(deps)),
    deps,
  );
};
