import type { Language } from '../../shared/domain/issue.ts';
import type { CdnInvalidator, PublicObjects } from '../../shared/ports/public-objects.ts';
import { ARCHIVE_PAGE_SIZE, archiveListHtml } from '../../emails/pages/archive-list-html.ts';

/** What the render step builds the public pages with: the same on AWS (bucket, CDN) and on one machine. */
export const publicPages = (
  config: { PUBLIC_BASE_URL: string; SERIES_NAME: string; DEFAULT_LANGUAGE: Language },
  objects: PublicObjects,
  cdn?: CdnInvalidator,
) => {
  const settings = {
    publicBaseUrl: config.PUBLIC_BASE_URL,
    seriesName: config.SERIES_NAME,
    defaultLanguage: config.DEFAULT_LANGUAGE,
  };
  return {
    objects,
    list: {
      size: ARCHIVE_PAGE_SIZE,
      render: (page: Parameters<typeof archiveListHtml>[1]) => archiveListHtml(settings, page, true),
    },
    ...(cdn ? { cdn } : {}),
  };
};
