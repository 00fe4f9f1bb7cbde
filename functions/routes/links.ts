import { archiveUrl } from '../../shared/domain/archive-url.ts';
import type { Issue } from '../../shared/domain/issue.ts';

export { archiveUrl };

export const issueLinks = (baseUrl: string, issue: Pick<Issue, 'id' | 'slug'>) => ({
  preview: `${baseUrl}/admin/issues/${issue.id}/preview`,
  archive: archiveUrl(baseUrl, issue.slug),
});

/** What the preview shows in place of a recipient's own links. */
export const samplePersonalisation = (baseUrl: string) => ({
  unsubscribeUrl: `${baseUrl}/u/preview-sample-token`,
  preferencesUrl: `${baseUrl}/preferences/preview-sample-token`,
});
