import type { IssueWarning } from '../domain/music/issue-warning.ts';
import type { IssueId } from '../domain/issue.ts';

/**
 * `changed`: what this call rendered anew (absent when the stored render was already current): a new
 * revision sets off the tracks' ingest, new links only a re-render.
 */
export type RenderOutcome = {
  rendered: boolean;
  reason?: 'stale_revision' | 'not_found';
  changed?: 'revision' | 'links';
  /** A new revision's catalogue warnings (a track featured before), for the webhook's answer. */
  warnings?: IssueWarning[];
};

/**
 * Asks for one revision to be rendered. MJML is heavy, so on AWS this is another function (the API
 * function stays small); locally it runs in-process. Either way the same `renderIssue` use case runs.
 */
export type RenderTrigger = { render: (id: IssueId, revision: number) => Promise<RenderOutcome> };
