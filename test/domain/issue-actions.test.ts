import { describe, expect, it } from 'vitest';
import {
  actionVerdict,
  allowedActions,
  ISSUE_ACTIONS,
  type ActionFacts,
} from '../../shared/domain/studio/issue-actions.ts';
import { type IssueState, issueState } from '../../shared/domain/studio/issue-state.ts';

const COMING = '2026-11-29';
const facts = (state: IssueState, sunday = COMING): ActionFacts => ({ state, sunday, comingSunday: COMING });

describe('the state she sees', () => {
  const rendered = { status: 'rendered' as const, sunday: COMING, renderedRevision: 1 };
  it('says Archivé for a back issue imported as sent, Envoyé only for what a campaign of ours sent', () => {
    expect(issueState({ ...rendered, status: 'sent' }, undefined, undefined, '2026-11-24')).toBe('archived');
    expect(issueState({ ...rendered, status: 'sent' }, undefined, { status: 'done' }, '2026-11-24')).toBe(
      'sent',
    );
    expect(issueState(rendered, { kind: 'held' }, { status: 'sending' }, '2026-11-24')).toBe('sending');
    expect(issueState(rendered, { kind: 'cancelled' }, undefined, '2026-11-24')).toBe('cancelled');
    expect(issueState(rendered, undefined, undefined, '2026-11-24')).toBe('scheduled');
    expect(issueState(rendered, undefined, undefined, '2026-11-30')).toBe('draft');
  });
});

describe('which actions an issue takes', () => {
  it('takes none once it went out, is going out, or is an archived back issue', () => {
    for (const state of ['sent', 'sending', 'archived'] as const) {
      expect(allowedActions(facts(state))).toEqual([]);
      for (const action of ISSUE_ACTIONS)
        expect(actionVerdict(action, facts(state))).toEqual({ ok: false, why: state });
    }
  });

  it('lets a held issue be released or moved, a cancelled one only released', () => {
    expect(allowedActions(facts('held'))).toEqual(['release', 'move']);
    expect(allowedActions(facts('cancelled'))).toEqual(['release']);
    expect(actionVerdict('send_now', facts('held'))).toEqual({ ok: false, why: 'held' });
  });

  it('sends now only the coming Sunday’s issue, ready and not held', () => {
    expect(allowedActions(facts('scheduled'))).toEqual(['hold', 'cancel', 'move', 'send_now']);
    expect(actionVerdict('send_now', facts('scheduled', '2026-12-06'))).toEqual({
      ok: false,
      why: 'not_coming',
    });
    expect(actionVerdict('send_now', facts('draft'))).toEqual({ ok: false, why: 'not_rendered' });
    expect(actionVerdict('send_now', facts('draft', '2026-11-22'))).toEqual({ ok: false, why: 'past' });
    expect(actionVerdict('move', facts('draft', '2026-11-22'))).toEqual({ ok: false, why: 'past' });
  });
});
