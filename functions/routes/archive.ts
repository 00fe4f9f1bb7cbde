import { type Context, Hono } from 'hono';
import { accepts } from 'hono/accepts';
import { publicUrls } from '../../shared/domain/public-urls.ts';
import type { FeedFormat } from '../../shared/ports/feed-renderer.ts';
import {
  archiveFeedObject,
  archiveIssueObject,
  archiveListObject,
} from '../../shared/usecases/archive-objects.ts';
import type { PublicDeps } from '../app-deps.ts';
import { CACHE_CONTROL, objectResponse } from '../http/object-response.ts';
import { HttpProblem, invalidFields, problemResponse } from '../http/problem.ts';
import { ARCHIVE_PAGE_SIZE, archiveListHtml } from '../../emails/pages/archive-list-html.ts';
import { archiveErrorPage } from '../../emails/pages/archive-error-page.ts';
import { ARCHIVE_STRINGS } from '../../shared/i18n/public/archive-strings.ts';
import { pickLanguage } from '../../shared/i18n/public/pick-language.ts';

export { ARCHIVE_PAGE_SIZE };

/** A browser puts text/html first; an API client (or a bare `*\/*`) keeps problem+json. */
const wantsHtml = (c: Context) =>
  accepts(c, {
    header: 'Accept',
    supports: ['application/problem+json', 'application/json', 'text/html'],
    default: 'application/problem+json',
  }) === 'text/html';

/**
 * One address, a page or a problem by Accept (and the page's words by Accept-Language). The CDN keys on
 * neither header, so no cache may keep either form: a kept JSON 404 would greet the next browser, or the reverse.
 */
const NEGOTIATED = { vary: 'Accept, Accept-Language', 'cache-control': 'no-store' };

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

  const refuse = (c: Context, problem: HttpProblem, words: 'notFound' | 'badPage') => {
    if (!wantsHtml(c)) return problemResponse(problem.problem, { ...problem.headers, ...NEGOTIATED });
    const language = pickLanguage(undefined, c.req.header('accept-language'), deps.settings.defaultLanguage);
    const s = ARCHIVE_STRINGS[language];
    const page = archiveErrorPage(language, {
      title: s[`${words}Title`],
      message: s[words],
      back: { label: s.backToList, href: links.archive },
    });
    return c.html(page, problem.problem.status as 404 | 422, NEGOTIATED);
  };

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
      if (object === 'invalid_cursor') {
        const problem = invalidFields([
          { pointer: '/cursor', detail: 'must be a cursor from a previous page' },
        ]);
        return refuse(c, problem, 'badPage');
      }
      return objectResponse(c, object, CACHE_CONTROL.list);
    })
    .get('/feed.xml', feed('rss'))
    .get('/atom.xml', feed('atom'))
    .get('/:slug', async (c) => {
      const page = await archiveIssueObject(c.req.param('slug'), archive);
      if (page.ok) return objectResponse(c, page.object, CACHE_CONTROL.page);
      if (page.error === 'moved') return c.redirect(links.issue(page.slug), 301);
      const problem = new HttpProblem(
        404,
        'issue-not-found',
        'No such issue',
        'This issue does not exist or is not published yet.',
      );
      return refuse(c, problem, 'notFound');
    });
};
