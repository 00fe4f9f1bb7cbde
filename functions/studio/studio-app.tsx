import { Hono } from 'hono';
import { limitBodies } from '../http/limit-body.ts';
import { studioErrors, studioNotFound } from './error-pages.tsx';
import { STUDIO_CSS, STUDIO_JS } from '../../emails/studio/assets.ts';
import { accountRoutes } from './accounts-routes.tsx';
import { campaignRoutes } from './campaign-routes.tsx';
import { issueRoutes } from './issue-routes.tsx';
import { requireSession, type StudioEnv } from './session.ts';
import { overviewRoutes } from './overview-routes.tsx';
import { signInRoutes } from './sign-in-routes.tsx';
import type { StudioDeps } from './studio-deps.ts';
import { studioHeaders } from './security-headers.ts';
import { subscriberImportRoutes } from './subscriber-import-routes.tsx';
import { subscriberRoutes } from './subscriber-routes.tsx';
import { studioPorts } from './studio-ports.ts';

/**
 * The author's studio, mounted at /studio: sign-in is open, every other page needs her session. Without its
 * deps (an app built without a studio) it has no routes.
 */
export const studioApp = (deps?: StudioDeps): Hono<StudioEnv> => {
  if (!deps) return new Hono<StudioEnv>();
  const { language } = deps.studio;
  const ports = studioPorts(deps);
  const accounts = accountRoutes(deps);
  const pages = new Hono<StudioEnv>()
    .use('*', requireSession(deps))
    .route('/', overviewRoutes(deps, ports))
    .route('/issues', issueRoutes(deps, ports))
    .route('/campaigns', campaignRoutes(deps, ports))
    .route('/subscribers', subscriberImportRoutes(deps))
    .route('/subscribers', subscriberRoutes(deps, ports))
    .route('/accounts', accounts.signedIn)
    // Last: any other address, once signed in (before that, the sign-in page, which reveals no route).
    .all('*', (c) => studioNotFound(c, language));
  const studio = new Hono<StudioEnv>();
  // Hono applies a mounted app's own error handler to its routes: here, French pages instead of problem+json.
  studio.onError(studioErrors(deps));
  return (
    studio
      // First, as in every app: no form is read past its limit (functions/http/limit-body.ts).
      .use('*', limitBodies(deps.settings))
      .use('*', studioHeaders())
      .get('/assets/studio.css', (c) =>
        c.body(STUDIO_CSS, 200, {
          'content-type': 'text/css; charset=utf-8',
          'cache-control': 'max-age=300',
        }),
      )
      .get('/assets/studio.js', (c) =>
        c.body(STUDIO_JS, 200, {
          'content-type': 'text/javascript; charset=utf-8',
          'cache-control': 'max-age=300',
        }),
      )
      .route('/', signInRoutes(deps, ports))
      // The network's way back, before the session check: see accounts-routes.tsx.
      .route('/accounts', accounts.open)
      .route('/', pages)
  );
};
