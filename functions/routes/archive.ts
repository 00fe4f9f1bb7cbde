import { Hono } from 'hono';
import { archivePage } from '../../shared/usecases/archive-page.ts';
import type { AppDeps } from '../app-deps.ts';
import { HttpProblem } from '../http/problem.ts';
import { archiveUrl } from './links.ts';

export const archiveRoutes = (deps: AppDeps) =>
  new Hono().get('/:slug', async (c) => {
    const page = await archivePage(c.req.param('slug'), {
      store: deps.issues,
      clock: deps.clock,
      timeZone: deps.settings.timeZone,
    });
    if (page.ok) return c.html(page.html, 200, { 'cache-control': 'public, max-age=300' });
    if (page.error === 'moved') return c.redirect(archiveUrl(deps.settings.publicBaseUrl, page.slug), 301);
    throw new HttpProblem(
      404,
      'issue-not-found',
      'No such issue',
      'This issue does not exist or is not published yet.',
    );
  });
