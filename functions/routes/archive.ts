import { type Context, Hono } from 'hono';
import { publicUrls } from '../../shared/domain/public-urls.ts';
import type { FeedFormat } from '../../shared/ports/feed-renderer.ts';
import {
  archiveFeedObject,
  archiveIssueObject,
  archiveListObject,
} from '../../shared/usecases/archive-objects.ts';
import type { PublicDeps } from '../app-deps.ts';
import { CACHE_CONTROL, objectResponse } from '../http/object-response.ts';
import { HttpProblem, invalidFields } from '../http/problem.ts';
import { ARCHIVE_PAGE_SIZE, archiveListHtml } from '../../emails/pages/archive-list-html.ts';

export { ARCHIVE_PAGE_SIZE };

/** The public archive: the list, the feeds and each issue's page, as finished objects with their cache headers. */
export const archiveRoutes = (deps: PublicDeps) => {
  const archive = {
    store: deps.issues,
    issues: deps.issues,
    clock: deps.clock,
    timeZone: deps.settings.timeZone,
    ...(deps.publicObjects ? { publicObjects: deps.publicObjects } : {}),
  };
  const links = publicUrls(deps.settings.publicBaseUrl);

  const feed = (format: FeedFormat) => async (c: Context) => {
    const object = await archiveFeedObject(format, archive);
    if (!object) throw new HttpProblem(404, 'feed-not-found', 'No feed yet', 'No issue is published yet.');
    return objectResponse(c, object, CACHE_CONTROL.list);
  };

  return new Hono()
    .get('/', async (c) => {
      const object = await archiveListObject(c.req.query('cursor'), {
        ...archive,
        pageSize: ARCHIVE_PAGE_SIZE,
        render: (page, first) => archiveListHtml(deps.settings, page, first),
      });
      if (object === 'invalid_cursor')
        throw invalidFields([{ pointer: '/cursor', detail: 'must be a cursor from a previous page' }]);
      return objectResponse(c, object, CACHE_CONTROL.list);
    })
    .get('/feed.xml', feed('rss'))
    .get('/atom.xml', feed('atom'))
    .get('/:slug', async (c) => {
      const page = await archiveIssueObject(c.req.param('slug'), archive);
      if (page.ok) return objectResponse(c, page.object, CACHE_CONTROL.page);
      if (page.error === 'moved') return c.redirect(links.issue(page.slug), 301);
      throw new HttpProblem(
        404,
        'issue-not-found',
        'No such issue',
        'This issue does not exist or is not published yet.',
      );
    });
};
