import { Hono } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { timingSafeEqual } from 'hono/utils/buffer';
import { parseIssueId } from '../../shared/domain/issue.ts';
import { previewIssue } from '../../shared/usecases/preview-issue.ts';
import type { AppDeps } from '../app-deps.ts';
import { HttpProblem } from '../http/problem.ts';
import { samplePersonalisation } from './links.ts';

export const adminRoutes = (deps: AppDeps) =>
  new Hono()
    .use(
      bearerAuth({
        verifyToken: async (token) => {
          const { adminTokens } = await deps.settings.secrets();
          const matches = await Promise.all(adminTokens.map((known) => timingSafeEqual(known, token)));
          return matches.includes(true);
        },
      }),
    )
    .get('/issues/:id/preview', async (c) => {
      const id = parseIssueId(c.req.param('id'));
      if (!id) throw notFound(c.req.param('id'));
      const preview = await previewIssue(id, {
        store: deps.issues,
        sample: samplePersonalisation(deps.settings.publicBaseUrl),
      });
      if (!preview.ok && preview.error === 'not_found') throw notFound(id);
      if (!preview.ok)
        throw new HttpProblem(
          409,
          'not-rendered',
          'The issue is not rendered yet',
          `Issue ${id} has no rendered revision yet.`,
        );
      const headers = {
        'x-dimanche-revision': String(preview.revision),
        'x-dimanche-subject': encodeURIComponent(preview.email.subject),
      };
      return c.req.query('format') === 'text'
        ? c.text(preview.email.text, 200, headers)
        : c.html(preview.email.html, 200, headers);
    });

const notFound = (id: string) =>
  new HttpProblem(404, 'issue-not-found', 'No such issue', `There is no issue ${id}.`);
