import { type Context, Hono } from 'hono';
import { localDate } from '../../shared/domain/calendar.ts';
import { issuePageKey, PUBLIC_KEYS, publicObject } from '../../shared/domain/public-object.ts';
import { seriesFromSlug } from '../../shared/domain/slug.ts';
import type { FeedFormat } from '../../shared/ports/feed-renderer.ts';
import { archiveFeed } from '../../shared/usecases/archive-feed.ts';
import { archiveList } from '../../shared/usecases/archive-list.ts';
import { archivePage } from '../../shared/usecases/archive-page.ts';
import type { PublicDeps } from '../app-deps.ts';
import { CACHE_CONTROL, objectResponse } from '../http/object-response.ts';
import { HttpProblem, invalidFields } from '../http/problem.ts';
import { decodeArchiveCursor } from '../../shared/domain/archive-cursor.ts';
import { builtPublicObject } from '../../shared/usecases/built-public-object.ts';
import { publicUrls } from '../../shared/domain/public-urls.ts';
import { ARCHIVE_PAGE_SIZE, archiveListHtml } from '../../emails/pages/archive-list-html.ts';

export { ARCHIVE_PAGE_SIZE };

const HTML = 'text/html; charset=UTF-8';
const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};

/**
 * The public archive: the list, the feeds and each issue's page. Each is first looked for as the finished object
 * the render step built (one read); one not built yet, not public yet or gone stale with the date is built from
 * the table as before, with the same headers.
 */
export const archiveRoutes = (deps: PublicDeps) => {
  const archive = { store: deps.issues, clock: deps.clock, timeZone: deps.settings.timeZone };
  const links = publicUrls(deps.settings.publicBaseUrl);
  const today = () => localDate(deps.clock.now(), deps.settings.timeZone);
  const built = (key: string) => builtPublicObject(key, today(), deps);

  const feed = (format: FeedFormat) => async (c: Context) => {
    const object = await built(PUBLIC_KEYS[format]);
    if (object) return objectResponse(c, object, CACHE_CONTROL.list);
    const found = await archiveFeed(format, archive);
    if (!found.ok) throw new HttpProblem(404, 'feed-not-found', 'No feed yet', 'No issue is published yet.');
    return objectResponse(c, publicObject(found.xml, FEED_TYPES[format]), CACHE_CONTROL.list);
  };

  return new Hono()
    .get('/', async (c) => {
      const cursor = c.req.query('cursor');
      const object = cursor === undefined ? await built(PUBLIC_KEYS.list) : undefined;
      if (object) return objectResponse(c, object, CACHE_CONTROL.list);
      const from = decodeArchiveCursor(cursor);
      if (from === 'invalid')
        throw invalidFields([{ pointer: '/cursor', detail: 'must be a cursor from a previous page' }]);
      const page = await archiveList({ limit: ARCHIVE_PAGE_SIZE, ...(from ? { from } : {}) }, archive);
      const html = archiveListHtml(deps.settings, page, from === undefined);
      return objectResponse(c, publicObject(html, HTML), CACHE_CONTROL.list);
    })
    .get('/feed.xml', feed('rss'))
    .get('/atom.xml', feed('atom'))
    .get('/:slug', async (c) => {
      const slug = c.req.param('slug');
      const series = seriesFromSlug(slug);
      const object = series === undefined ? undefined : await built(issuePageKey(series));
      if (object?.slug === slug) return objectResponse(c, object, CACHE_CONTROL.page);
      if (object?.slug) return c.redirect(links.issue(object.slug), 301);
      const page = await archivePage(slug, archive);
      if (page.ok) return objectResponse(c, publicObject(page.html, HTML), CACHE_CONTROL.page);
      if (page.error === 'moved') return c.redirect(links.issue(page.slug), 301);
      throw new HttpProblem(
        404,
        'issue-not-found',
        'No such issue',
        'This issue does not exist or is not published yet.',
      );
    });
};
