import { Hono } from 'hono';
import { parseIssueId } from '../../shared/domain/issue.ts';
import { previewSocial } from '../../shared/usecases/social/preview-social.ts';
import type { AppDeps } from '../app-deps.ts';
import { HttpProblem } from '../http/problem.ts';

/** What each network would post for an issue: text, its length as that network counts it, card and links. */
export const adminSocialRoutes = (deps: AppDeps) =>
  new Hono().get('/issues/:id/social', async (c) => {
    const raw = c.req.param('id');
    const id = parseIssueId(raw);
    const preview = id
      ? await previewSocial(id, {
          store: deps.issues,
          settings: {
            ...deps.settings.social,
            publicBaseUrl: deps.settings.publicBaseUrl,
            seriesName: deps.settings.seriesName,
          },
        })
      : undefined;
    if (!preview?.ok)
      throw new HttpProblem(404, 'issue-not-found', 'No such issue', `There is no issue ${raw}.`);
    return c.json({ issueId: id, revision: preview.revision, networks: preview.posts });
  });
