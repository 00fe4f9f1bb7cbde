import type { IssueId } from '../issue.ts';

/**
 * The author keeping an issue from its Sunday: `held` while she thinks it over, `cancelled` when she means it
 * not to go out. Either way the Sunday run skips it until she lets it go; a campaign already started is not
 * stopped by it.
 */
export type HoldKind = 'held' | 'cancelled';

export type IssueHold = { issueId: IssueId; kind: HoldKind; by: string; at: string };

/** What she did from the studio, recorded with who and when (the issue page lists them). */
export type StudioActionKind = 'hold' | 'cancel' | 'release' | 'send_now' | 'test_send' | 'move';

/** `from`/`to`: the Sundays of a move. */
export type StudioAction = {
  issueId: IssueId;
  action: StudioActionKind;
  by: string;
  at: string;
  from?: string;
  to?: string;
};
