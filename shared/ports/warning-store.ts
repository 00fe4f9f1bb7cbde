import type { IssueId } from '../domain/issue.ts';
import type { WarningReport, WarningSource } from '../domain/music/issue-warning.ts';

/** The latest report of each source for an issue, shown in the preview, the test-send and the webhook's answer. */
export type WarningStore = {
  save: (issueId: IssueId, report: WarningReport) => Promise<void>;
  list: (issueId: IssueId) => Promise<Partial<Record<WarningSource, WarningReport>>>;
};
