import { Hono } from 'hono';
import type { FeedFormat } from '../../shared/ports/feed-renderer.ts';
import { archiveFeed } from '../../shared/usecases/archive-feed.ts';
import { archiveList } from '../../shared/usecases/archive-list.ts';
import { archivePage } from '../../shared/usecases/archive-page.ts';
import type { PublicDeps } from '../app-deps.ts';
import { HttpProblem } from '../http/problem.ts';
import { encodeArchiveCursor, parseArchiveCursor } from './archive-cursor.ts';
import { archiveLinks } from './archive-links.ts';
import { archiveListPage } from './archive-list-page.ts';

/** Issues on one page of the list. */
export const ARCHIVE_PAGE_SIZE = 12;

const CACHE = { 'cache-control': 'public, max-age=300' };

const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};

/** The public archive: the list, the feeds (built at render time) and each issue's page (rendered once). */
export const archiveRoutes = (deps: PublicDeps) => {
  const archive = { store: deps.issues, clock: deps.clock, timeZone: deps.settings.timeZone };
  const links = archiveLinks(deps.settings.publicBaseUrl);

  const feed = (format: FeedFormat) => async () => {
    const found = await archiveFeed(format, archive);
    if (!found.ok) throw new HttpProblem(404, 'feed-not-found', 'No feed yet', 'No issue is published yet.');
    return new Response(found.xml, { headers: { 'content-type': FEED_TYPES[format], ...CACHE } });
  };

  return new Hono()
    .get('/', async (c) => {
      const from = parseArchiveCursor(c.req.query('cursor'));
      const page = await archiveList({ limit: ARCHIVE_PAGE_SIZE, ...(from ? { from } : {}) }, archive);
      const view = {
        issues: page.issues,
        ...(page.next ? { next: encodeArchiveCursor(page.next) } : {}),
        first: from === undefined,
        language: deps.settings.defaultLanguage,
        seriesName: deps.settings.seriesName,
        links,
      };
      return c.html(archiveListPage(view), 200, CACHE);
    })
    .get('/feed.xml', feed('rss'))
    .get('/atom.xml', feed('atom'))
    .get('/:slug', async (c) => {
      const page = await archivePage(c.req.param('slug'), archive);
      if (page.ok) return c.html(page.html, 200, CACHE);
      if (page.error === 'moved') return c.redirect(links.issue(page.slug), 301);
      throw new HttpProblem(
        404,
        'issue-not-found',
        'No such issue',
        'This issue does not exist or is not published yet.',
      );
    });
};
