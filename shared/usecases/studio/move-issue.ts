import type { Issue, IssueContent } from '../../domain/issue.ts';
import type { StudioAction } from '../../domain/studio/issue-hold.ts';
import { type AcceptPostDeps, acceptPost } from '../accept-post.ts';

export type MoveResult = { ok: true } | { ok: false; why: 'taken' | 'unchanged' | 'sending' | 'past' };

/** The author's content as she posted it: the issue without what storage added. */
const contentOf = (issue: Issue): IssueContent => {
  const {
    id: _id,
    slug: _slug,
    status: _status,
    revision: _revision,
    renderedRevision: _rendered,
    renderedLinks: _links,
    contentHash: _hash,
    createdAt: _created,
    updatedAt: _updated,
    ...content
  } = issue;
  return content;
};

/**
 * Moves an issue not yet sent to another Sunday that no other issue holds: a revision of its own content with
 * the new date, so the mail and the page show the day it goes out, and the Sunday claims move with it.
 */
export const moveIssue = async (
  issue: Issue,
  to: string,
  by: string,
  deps: AcceptPostDeps & { holds: { record: (action: StudioAction) => Promise<void> } },
): Promise<MoveResult> => {
  const from = issue.sunday;
  if (to === from) return { ok: false, why: 'unchanged' };
  const result = await acceptPost({ ...contentOf(issue), sunday: to }, deps);
  if (!result.ok)
    return {
      ok: false,
      why:
        result.error === 'already_sent' ? 'sending' : result.error === 'sunday_long_past' ? 'past' : 'taken',
    };
  if (!result.sundayMoved) return { ok: false, why: result.sundayTaken ? 'taken' : 'unchanged' };
  await deps.holds.record({
    issueId: issue.id,
    action: 'move',
    by,
    at: deps.clock.now().toISOString(),
    from,
    to,
  });
  return { ok: true };
};
