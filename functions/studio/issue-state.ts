import type { Campaign } from '../../shared/domain/campaign.ts';
import type { Issue } from '../../shared/domain/issue.ts';
import type { IssueHold } from '../../shared/domain/studio/issue-hold.ts';

export type IssueState = 'draft' | 'scheduled' | 'sending' | 'sent' | 'held' | 'cancelled';

/** What the author sees of an issue: its campaign first, then her hold, then whether it is ready. */
export const issueState = (
  issue: Issue,
  hold: IssueHold | undefined,
  campaign: Campaign | undefined,
  today: string,
): IssueState => {
  if (issue.status === 'sent' || campaign?.status === 'done') return 'sent';
  if (campaign || issue.status === 'sending') return 'sending';
  if (hold) return hold.kind;
  if (issue.renderedRevision !== undefined && issue.sunday >= today) return 'scheduled';
  return 'draft';
};
