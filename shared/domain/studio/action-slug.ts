import { ISSUE_ACTIONS, type IssueAction } from './issue-actions.ts';

/** An action as its address spells it ("send-now"), and back. */
export const actionSlug = (action: IssueAction) => action.replace('_', '-');

export const actionOfSlug = (raw: string): IssueAction | undefined =>
  (ISSUE_ACTIONS as readonly string[]).includes(raw.replace('-', '_'))
    ? (raw.replace('-', '_') as IssueAction)
    : undefined;
