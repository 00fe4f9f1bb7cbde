import type { Language } from '../../shared/domain/issue.ts';
import type { ArchiveListPage } from '../../shared/usecases/archive-list.ts';
import { encodeArchiveCursor } from '../../shared/domain/archive-cursor.ts';
import { publicUrls } from '../../shared/domain/public-urls.ts';
import { archiveListPage } from './archive-list-page.ts';

/** Issues on one page of the list. */
export const ARCHIVE_PAGE_SIZE = 12;

/** One page of the list as HTML: the same bytes whether the route builds it or the render step stores it. */
export const archiveListHtml = (
  settings: { publicBaseUrl: string; seriesName: string; defaultLanguage: Language },
  page: ArchiveListPage,
  first: boolean,
): string =>
  String(
    archiveListPage({
      issues: page.issues,
      ...(page.next ? { next: encodeArchiveCursor(page.next) } : {}),
      first,
      language: settings.defaultLanguage,
      seriesName: settings.seriesName,
      links: publicUrls(settings.publicBaseUrl),
    }),
  );
