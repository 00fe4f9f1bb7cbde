import { createFeedRenderer } from '../../emails/feed-renderer.ts';
import type { Language } from '../../shared/domain/issue.ts';
import { publicUrls } from '../../shared/domain/public-urls.ts';

/** The feeds the render step rebuilds after each render: the same on AWS and on one machine. */
export const archiveFeeds = (config: {
  SERIES_NAME: string;
  DEFAULT_LANGUAGE: Language;
  TIME_ZONE: string;
  PUBLIC_BASE_URL: string;
}) => ({
  renderer: createFeedRenderer({
    seriesName: config.SERIES_NAME,
    language: config.DEFAULT_LANGUAGE,
    timeZone: config.TIME_ZONE,
    links: publicUrls(config.PUBLIC_BASE_URL),
  }),
  timeZone: config.TIME_ZONE,
});
