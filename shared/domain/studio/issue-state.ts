import type { Campaign } from '../campaign.ts';
import type { Issue } from '../issue.ts';
import type { IssueHold } from './issue-hold.ts';

/** `archived`: a back issue imported as already sent, which no campaign of ours ever mailed. */
export type IssueState = 'draft' | 'scheduled' | 'sending' | 'sent' | 'archived' | 'held' | 'cancelled';

/** What the author sees of an issue: its campaign first, then her hold, then whether it is ready. */
export const issueState = (
  issue: Pick<Issue, 'status' | 'sunday' | 'renderedRevision'>,
  hold: Pick<IssueHold, 'kind'> | undefined,
  campaign: Pick<Campaign, 'status'> | undefined,
  today: string,
): IssueState => {
  if (campaign?.status === 'done') return 'sent';
  if (campaign) return 'sending';
  if (issue.status === 'sent') return 'archived';
  if (issue.status === 'sending') return 'sending';
  if (hold) return hold.kind;
  if (issue.renderedRevision !== undefined && issue.sunday >= today) return 'scheduled';
  return 'draft';
};
