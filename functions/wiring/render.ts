import { createFeedRenderer } from '../../emails/feed-renderer.ts';
import { createMjmlRenderer } from '../../emails/mjml-renderer.ts';
import { dynamoIssueStore } from '../../shared/adapters/dynamodb/issue-store.ts';
import type { Language } from '../../shared/domain/issue.ts';
import { archiveUrl, publicUrls } from '../../shared/domain/public-urls.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import type { MusicQueue } from '../../shared/ports/music-queue.ts';
import type { CdnInvalidator, PublicObjects } from '../../shared/ports/public-objects.ts';
import type { RenderIssueDeps } from '../../shared/usecases/render-issue.ts';
import { ARCHIVE_PAGE_SIZE, archiveListHtml } from '../../emails/pages/archive-list-html.ts';
import { renderMusicDeps } from './music.ts';
import type { Table } from './table.ts';

export type RenderConfig = {
  PUBLIC_BASE_URL: string;
  SERIES_NAME: string;
  POSTAL_ADDRESS: string;
  DEFAULT_LANGUAGE: Language;
  TIME_ZONE: string;
};

/** The feeds the render step rebuilds after each render. */
export const archiveFeeds = (config: Omit<RenderConfig, 'POSTAL_ADDRESS'>) => ({
  renderer: createFeedRenderer({
    seriesName: config.SERIES_NAME,
    language: config.DEFAULT_LANGUAGE,
    timeZone: config.TIME_ZONE,
    links: publicUrls(config.PUBLIC_BASE_URL),
  }),
  timeZone: config.TIME_ZONE,
});

/** What the render step builds the public pages with: a bucket and the CDN on AWS, files on one machine. */
export const publicPages = (
  config: Pick<RenderConfig, 'PUBLIC_BASE_URL' | 'SERIES_NAME' | 'DEFAULT_LANGUAGE'>,
  objects: PublicObjects,
  cdn?: CdnInvalidator,
) => {
  const settings = {
    publicBaseUrl: config.PUBLIC_BASE_URL,
    seriesName: config.SERIES_NAME,
    defaultLanguage: config.DEFAULT_LANGUAGE,
  };
  const render = (page: Parameters<typeof archiveListHtml>[1]) => archiveListHtml(settings, page, true);
  return { objects, list: { size: ARCHIVE_PAGE_SIZE, render }, ...(cdn ? { cdn } : {}) };
};

/**
 * The render step's ports: the render function's on AWS, the in-process trigger's on one machine. The only
 * builder that loads MJML.
 */
export const renderDeps = (
  config: RenderConfig,
  home: {
    table: Table;
    clock: Clock;
    /** Where the public pages are built to; absent: served from the table. */
    publicObjects?: PublicObjects | undefined;
    /** Told what changed (issue 26); absent where nothing caches in front. */
    cdn?: CdnInvalidator | undefined;
    /** Issue 7: click links and a new revision's ingest, where the music worker runs. */
    musicQueue?: MusicQueue | undefined;
  },
): RenderIssueDeps => {
  const { doc, tableName } = home.table;
  return {
    store: dynamoIssueStore(doc, tableName),
    renderer: createMjmlRenderer({
      seriesName: config.SERIES_NAME,
      postalAddress: config.POSTAL_ADDRESS,
      subscribeUrl: publicUrls(config.PUBLIC_BASE_URL).subscribe,
    }),
    clock: home.clock,
    archiveUrl: (slug: string) => archiveUrl(config.PUBLIC_BASE_URL, slug),
    feeds: archiveFeeds(config),
    ...(home.publicObjects ? { publicPages: publicPages(config, home.publicObjects, home.cdn) } : {}),
    ...(home.musicQueue
      ? renderMusicDeps({
          ...home.table,
          queue: home.musicQueue,
          clock: home.clock,
          publicBaseUrl: config.PUBLIC_BASE_URL,
        })
      : {}),
  };
};
