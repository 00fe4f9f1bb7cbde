import { createMjmlRenderer } from '../../emails/mjml-renderer.ts';
import { dynamoIssueStore } from '../../shared/adapters/dynamodb/issue-store.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import type { MusicQueue } from '../../shared/ports/music-queue.ts';
import type { CdnInvalidator, PublicObjects } from '../../shared/ports/public-objects.ts';
import type { RenderIssueDeps } from '../../shared/usecases/render-issue.ts';
import type { Language } from '../../shared/domain/issue.ts';
import { archiveFeeds } from '../render/archive-feeds.ts';
import { publicPages } from '../render/public-pages.ts';
import { archiveUrl, publicUrls } from '../../shared/domain/public-urls.ts';
import { renderMusicDeps } from './music.ts';
import type { Table } from './table.ts';

export type RenderConfig = {
  PUBLIC_BASE_URL: string;
  SERIES_NAME: string;
  POSTAL_ADDRESS: string;
  DEFAULT_LANGUAGE: Language;
  TIME_ZONE: string;
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
          doc,
          tableName,
          queue: home.musicQueue,
          clock: home.clock,
          publicBaseUrl: config.PUBLIC_BASE_URL,
        })
      : {}),
  };
};
