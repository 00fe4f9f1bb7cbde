import type { IssueId } from '../domain/issue.ts';

export type RenderOutcome = { rendered: boolean; reason?: 'stale_revision' | 'not_found' };

/**
 * Asks for one revision to be rendered. MJML is heavy, so on AWS this is another function (the API
 * function stays small); locally it runs in-process. Either way the same `renderIssue` use case runs.
 */
export type RenderTrigger = { render: (id: IssueId, revision: number) => Promise<RenderOutcome> };
