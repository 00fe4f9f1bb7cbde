import type { IssueId } from '../domain/issue.ts';
import type { Clock } from '../ports/clock.ts';
import type { EmailRenderer } from '../ports/email-renderer.ts';
import type { IssueStore } from '../ports/issue-store.ts';
import type { RenderOutcome } from '../ports/render-trigger.ts';

export type RenderIssueDeps = {
  store: IssueStore;
  renderer: EmailRenderer;
  clock: Clock;
  /** Public web address of an issue, for "view in browser". */
  archiveUrl: (slug: string) => string;
};

/** Renders one revision, once: a newer revision makes this one stale, and it is not rendered at all. */
export const renderIssue = async (
  id: IssueId,
  revision: number,
  deps: RenderIssueDeps,
): Promise<RenderOutcome> => {
  const issue = await deps.store.get(id);
  if (!issue) return { rendered: false, reason: 'not_found' };
  if (issue.revision !== revision) return { rendered: false, reason: 'stale_revision' };
  if (issue.renderedRevision === revision) return { rendered: true };

  const rendered = await deps.renderer.renderIssue(issue, { archiveUrl: deps.archiveUrl(issue.slug) });
  const { current } = await deps.store.saveRender(id, revision, rendered, deps.clock.now().toISOString());
  return current ? { rendered: true } : { rendered: false, reason: 'stale_revision' };
};
