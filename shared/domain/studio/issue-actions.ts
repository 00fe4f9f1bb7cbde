import type { IssueState } from './issue-state.ts';

/** What the author can ask of one issue from the studio, each behind a confirmation. */
export const ISSUE_ACTIONS = ['hold', 'cancel', 'release', 'move', 'send_now'] as const;
export type IssueAction = (typeof ISSUE_ACTIONS)[number];

/** Why an action is refused: said to her in words, with a link to what happened where there is one. */
export type ActionRefusal =
  | 'sent'
  | 'sending'
  | 'archived'
  | 'held'
  | 'cancelled'
  | 'not_held'
  | 'not_rendered'
  | 'not_coming'
  | 'past';

export type ActionVerdict = { ok: true } | { ok: false; why: ActionRefusal };

/** The facts the rule reads: the issue's state, its Sunday, and the coming Sunday (today, on a Sunday). */
export type ActionFacts = { state: IssueState; sunday: string; comingSunday: string };

const FINAL: Partial<Record<IssueState, ActionRefusal>> = {
  sent: 'sent',
  sending: 'sending',
  archived: 'archived',
};

/**
 * The one rule behind the issue page's buttons, the confirmation page and the form's POST, so that a stale tab
 * or a replayed form can never do what the page no longer offers. An issue whose campaign exists, or which went
 * out before (archived), takes no action at all; a hold only lets go by release (and a held issue may move).
 */
export const actionVerdict = (action: IssueAction, facts: ActionFacts): ActionVerdict => {
  const { state } = facts;
  const final = FINAL[state];
  if (final) return { ok: false, why: final };
  const held = state === 'held' || state === 'cancelled';
  switch (action) {
    case 'release':
      return held ? { ok: true } : { ok: false, why: 'not_held' };
    case 'hold':
    case 'cancel':
      return held ? { ok: false, why: state } : { ok: true };
    case 'move':
      if (state === 'cancelled') return { ok: false, why: 'cancelled' };
      return facts.sunday < facts.comingSunday ? { ok: false, why: 'past' } : { ok: true };
    case 'send_now':
      if (held) return { ok: false, why: state };
      if (state === 'draft')
        return { ok: false, why: facts.sunday < facts.comingSunday ? 'past' : 'not_rendered' };
      return facts.sunday === facts.comingSunday ? { ok: true } : { ok: false, why: 'not_coming' };
  }
};

/** The actions the page offers now, in the order it shows them. */
export const allowedActions = (facts: ActionFacts): IssueAction[] =>
  ISSUE_ACTIONS.filter((action) => actionVerdict(action, facts).ok);
