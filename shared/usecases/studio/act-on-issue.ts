import { isSunday } from '../../domain/calendar.ts';
import type { Issue } from '../../domain/issue.ts';
import { type ActionRefusal, actionVerdict, type IssueAction } from '../../domain/studio/issue-actions.ts';
import type { IssueHolds } from '../../ports/issue-holds.ts';
import type { DispatchResult } from '../campaign/dispatch-sunday.ts';
import { type AcceptPostDeps } from '../accept-post.ts';
import { holdIssue, releaseIssue } from './hold-issue.ts';
import { issueFacts, type FactsDeps } from './issue-facts.ts';
import { moveIssue } from './move-issue.ts';

/** Starts the dispatch of one named issue; `requested` where it runs elsewhere (AWS: an async invoke). */
export type DispatchIssue = (series: number) => Promise<DispatchResult | { kind: 'requested' }>;

export type ActDeps = FactsDeps &
  AcceptPostDeps & {
    holds: IssueHolds;
    /** Absent where this runtime cannot start a dispatch. */
    dispatch?: DispatchIssue;
  };

export type ActRefusal = ActionRefusal | 'unavailable' | 'taken' | 'not_a_sunday' | 'unchanged';

export type ActResult = { ok: true } | { ok: false; why: ActRefusal };

/**
 * One studio action on the issue it names, decided by the same rule the page and its confirmation use, read
 * again at the moment of the POST: a stale tab or a replayed form meets today's state, not the one it showed.
 */
export const actOnIssue = async (
  issue: Issue,
  action: IssueAction,
  request: { by: string; to?: string },
  deps: ActDeps,
): Promise<ActResult> => {
  const { facts } = await issueFacts(issue, deps);
  const verdict = actionVerdict(action, facts);
  if (!verdict.ok) return { ok: false, why: verdict.why };
  const { by } = request;
  switch (action) {
    case 'hold':
    case 'cancel':
      return holdResult(
        await holdIssue(issue.id, action === 'hold' ? 'held' : 'cancelled', by, {
          ...deps,
          issues: deps.store,
        }),
      );
    case 'release':
      return holdResult(await releaseIssue(issue.id, by, { ...deps, issues: deps.store }));
    case 'move':
      if (!request.to || !isSunday(request.to) || request.to < facts.comingSunday)
        return { ok: false, why: 'not_a_sunday' };
      return moveIssue(issue, request.to, by, deps);
    case 'send_now':
      return sendNow(issue, by, deps);
  }
};

const holdResult = (result: Awaited<ReturnType<typeof holdIssue>>): ActResult =>
  result.ok
    ? result
    : {
        ok: false,
        why: result.error === 'already_started' ? 'sending' : 'unchanged',
      };

const DISPATCH_REFUSALS: Partial<Record<DispatchResult['kind'], ActRefusal>> = {
  already_started: 'sending',
  already_sent: 'sent',
  held: 'held',
  not_rendered: 'not_rendered',
  too_late: 'past',
};

/** The dispatch of this issue, by its number: never "the coming Sunday's", whichever that is by then. */
const sendNow = async (issue: Issue, by: string, deps: ActDeps): Promise<ActResult> => {
  if (!deps.dispatch) return { ok: false, why: 'unavailable' };
  const result = await deps.dispatch(issue.series);
  if (result.kind !== 'dispatched' && result.kind !== 'requested')
    return { ok: false, why: DISPATCH_REFUSALS[result.kind] ?? 'unavailable' };
  await deps.holds.record({ issueId: issue.id, action: 'send_now', by, at: deps.clock.now().toISOString() });
  return { ok: true };
};
