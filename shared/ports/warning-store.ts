import type { IssueId } from '../domain/issue.ts';
import type { WarningReport, WarningSource } from '../domain/music/issue-warning.ts';

/** The latest report of each source for an issue, shown in the preview, the test-send and the webhook's answer. */
export type WarningStore = {
  save: (issueId: IssueId, report: WarningReport) => Promise<void>;
  list: (issueId: IssueId) => Promise<Partial<Record<WarningSource, WarningReport>>>;
  /**
   * Records `fingerprint` as the warning set the author was last told about, unless it already is (then
   * `claimed: false`, one writer wins a race): the mail goes only after a claim. `previous` is what it replaced.
   */
  claimNotice: (
    issueId: IssueId,
    fingerprint: string,
  ) => Promise<{ claimed: true; previous?: string } | { claimed: false }>;
  /** A claimed mail that could not be sent: puts `previous` back (if the claim is still ours) for a retry. */
  releaseNotice: (issueId: IssueId, fingerprint: string, previous?: string) => Promise<void>;
};
