import type { Issue } from '../../shared/domain/issue.ts';
import { issueLinks } from '../../shared/domain/public-urls.ts';
import { HttpProblem } from '../http/problem.ts';

/** What a post's sender gets back once its issue is stored: where it stands, and where it will be read. */
export const storedIssueAnswer = (
  issue: Issue,
  outcome: string,
  publicBaseUrl: string,
  notes: object = {},
) => ({
  id: issue.id,
  series: issue.series,
  revision: issue.revision,
  status: issue.status,
  outcome,
  sunday: issue.sunday,
  ...notes,
  slug: issue.slug,
  links: issueLinks(publicBaseUrl, issue),
});

/** Another revision of the same issue was saved meanwhile; `retry` tells the sender what happens next. */
export const revisionConflict = (series: number, retry: string) =>
  new HttpProblem(
    409,
    'revision-conflict',
    'Another revision was saved at the same time',
    `Issue #${series} changed while this one was saved; ${retry}.`,
  );
