import type { IssueId } from '../domain/issue.ts';
import type { Clock } from '../ports/clock.ts';
import type { EmailRenderer } from '../ports/email-renderer.ts';
import type { IssueStore } from '../ports/issue-store.ts';
import type { RenderOutcome } from '../ports/render-trigger.ts';
import { type FeedRefreshDeps, refreshArchiveFeeds } from './archive-feed-refresh.ts';

export type RenderIssueDeps = {
  store: IssueStore;
  renderer: EmailRenderer;
  clock: Clock;
  /** Public web address of an issue, for "view in browser". */
  archiveUrl: (slug: string) => string;
  /** The archive's feeds, rebuilt after each render; absent where only the email matters (benches, some tests). */
  feeds?: Pick<FeedRefreshDeps, 'renderer' | 'timeZone'>;
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
  if (!current) return { rendered: false, reason: 'stale_revision' };
  if (deps.feeds) {
    const fresh = { ...issue, renderedRevision: revision };
    await refreshArchiveFeeds(fresh, { store: deps.store, clock: deps.clock, ...deps.feeds });
  }
  return { rendered: true };
};
