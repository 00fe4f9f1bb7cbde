import { contentHash } from '../domain/content-hash.ts';
import { FROZEN_STATUSES, type Issue, type IssueContent, issueIdFor } from '../domain/issue.ts';
import type { IssueWarning } from '../domain/music/issue-warning.ts';
import { slugFor } from '../domain/slug.ts';
import type { Clock } from '../ports/clock.ts';
import type { IssueStore } from '../ports/issue-store.ts';
import type { RenderTrigger } from '../ports/render-trigger.ts';

export type AcceptPostDeps = { store: IssueStore; renderTrigger: RenderTrigger; clock: Clock };

export type AcceptPostResult =
  | {
      ok: true;
      outcome: 'created' | 'revised' | 'unchanged';
      issue: Issue;
      /** Found while the revision was taken in (a track featured before); links are checked later. */
      warnings: IssueWarning[];
    }
  | { ok: false; error: 'already_sent'; issue: Issue }
  | { ok: false; error: 'revision_conflict' };

/**
 * Stores a post as the next revision of its issue (one issue per series number) and has it rendered.
 * The same content again makes no new revision; a change after the campaign started is refused.
 */
export const acceptPost = async (content: IssueContent, deps: AcceptPostDeps): Promise<AcceptPostResult> => {
  const id = issueIdFor(content.series);
  const existing = await deps.store.get(id);
  const hash = contentHash(content);

  if (existing && existing.contentHash === hash) {
    const { issue, warnings } = await ensureRendered(existing, deps);
    return { ok: true, outcome: 'unchanged', issue, warnings };
  }
  if (existing && FROZEN_STATUSES.includes(existing.status)) {
    return { ok: false, error: 'already_sent', issue: existing };
  }

  const now = deps.clock.now().toISOString();
  const issue: Issue = {
    ...content,
    id,
    slug: slugFor(content.series, content.title),
    status: 'received',
    revision: (existing?.revision ?? 0) + 1,
    contentHash: hash,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  const saved = await deps.store.saveRevision(issue, existing?.revision);
  if (!saved.ok) {
    return saved.error === 'frozen' && saved.current
      ? { ok: false, error: 'already_sent', issue: saved.current }
      : { ok: false, error: 'revision_conflict' };
  }
  return { ok: true, outcome: existing ? 'revised' : 'created', ...(await ensureRendered(issue, deps)) };
};

/** A delivery retried after a failed render finds its revision stored but not rendered: render it now. */
const ensureRendered = async (
  issue: Issue,
  deps: AcceptPostDeps,
): Promise<{ issue: Issue; warnings: IssueWarning[] }> => {
  if (issue.renderedRevision === issue.revision) return { issue, warnings: [] };
  const outcome = await deps.renderTrigger.render(issue.id, issue.revision);
  const warnings = outcome.warnings ?? [];
  return outcome.rendered
    ? {
        issue: {
          ...issue,
          status: issue.status === 'received' ? 'rendered' : issue.status,
          renderedRevision: issue.revision,
        },
        warnings,
      }
    : { issue, warnings };
};
