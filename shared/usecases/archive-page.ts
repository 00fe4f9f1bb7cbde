import { localDate } from '../domain/calendar.ts';
import { issueIdFor } from '../domain/issue.ts';
import { seriesFromSlug } from '../domain/slug.ts';
import type { Clock } from '../ports/clock.ts';
import type { IssueStore } from '../ports/issue-store.ts';
import { isPublished } from './archive-visibility.ts';

export type ArchivePageResult =
  | { ok: true; html: string }
  | { ok: false; error: 'not_found' }
  | { ok: false; error: 'moved'; slug: string };

/**
 * An issue is public from its Sunday on (in the newsletter's timezone), never before subscribers got it
 * (see `isPublished`). An old slug for a retitled issue redirects to the current one.
 */
export const archivePage = async (
  slug: string,
  deps: { store: IssueStore; clock: Clock; timeZone: string },
): Promise<ArchivePageResult> => {
  const series = seriesFromSlug(slug);
  if (series === undefined) return { ok: false, error: 'not_found' };
  const issue = await deps.store.get(issueIdFor(series));
  const today = localDate(deps.clock.now(), deps.timeZone);
  if (!issue || issue.renderedRevision === undefined || !isPublished(issue, today)) {
    return { ok: false, error: 'not_found' };
  }
  if (issue.slug !== slug) return { ok: false, error: 'moved', slug: issue.slug };
  const rendered = await deps.store.getRender(issue.id, issue.renderedRevision);
  return rendered ? { ok: true, html: rendered.webHtml } : { ok: false, error: 'not_found' };
};
