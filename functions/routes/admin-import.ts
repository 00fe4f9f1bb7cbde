import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import { requireJson } from '../http/media-type.ts';
import { HttpProblem, invalidFields } from '../http/problem.ts';
import { issueLinks } from '../../shared/domain/public-urls.ts';

/**
 * `POST /admin/archive/imports`: one past post (a WordPress REST post or our own shape) as an issue already
 * sent, for `npm run import-archive`. No mail, no social post: the archive and its feeds only.
 */
export const adminImportRoutes = (deps: AppDeps) =>
  new Hono().post('/archive/imports', requireJson(), async (c) => {
    const body: unknown = await c.req.json().catch(() => {
      throw new HttpProblem(400, 'invalid-json', 'The body is not JSON', 'Send one post as a JSON object.');
    });
    // Loaded on the first import only: the HTML parser and sanitiser would slow every other cold start.
    const { importBackPost } = await import('../../shared/usecases/posts/import-back-post.ts');
    const result = await importBackPost(body, {
      store: deps.issues,
      renderTrigger: deps.renderTrigger,
      clock: deps.clock,
      timeZone: deps.settings.timeZone,
    });
    if (!result.ok && result.error === 'invalid') throw invalidFields(result.errors);
    if (result.ok) {
      const { issue } = result;
      deps.logger.info('back issue imported', { issueId: issue.id, outcome: result.outcome });
      return c.json(
        {
          id: issue.id,
          series: issue.series,
          title: issue.title,
          sunday: issue.sunday,
          status: issue.status,
          outcome: result.outcome,
          links: issueLinks(deps.settings.publicBaseUrl, issue),
        },
        result.outcome === 'imported' ? 201 : 200,
      );
    }
    if (result.error === 'exists') {
      return c.json({
        id: result.issue.id,
        series: result.issue.series,
        outcome: 'kept',
        status: result.issue.status,
      });
    }
    if (result.error === 'not_past') {
      throw new HttpProblem(
        422,
        'not-a-back-issue',
        'This issue’s Sunday has not passed',
        `${result.sundayField}: ${result.sunday} is today or to come; it goes out by the usual path, not as a back issue.`,
        { errors: [{ pointer: result.sundayField, detail: 'must be a past Sunday' }] },
      );
    }
    throw new HttpProblem(
      503,
      result.error === 'not_rendered' ? 'render-failed' : 'revision-conflict',
      'The back issue could not be stored',
      'Run the import again: what is already in is kept.',
    );
  });
