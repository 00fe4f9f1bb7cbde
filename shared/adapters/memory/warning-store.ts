import type { IssueId } from '../../domain/issue.ts';
import type { WarningReport, WarningSource } from '../../domain/music/issue-warning.ts';
import type { WarningStore } from '../../ports/warning-store.ts';
import { stored } from './stored.ts';

/** The latest report per (issue, source), never replaced by an older revision's; one notice per issue. */
export const memoryWarningStore = (): WarningStore => {
  const reports = new Map<IssueId, Partial<Record<WarningSource, WarningReport>>>();
  const notices = new Map<IssueId, string>();
  return {
    save: async (issueId, report) => {
      const ofIssue = reports.get(issueId) ?? {};
      const current = ofIssue[report.source];
      if (current && current.revision > report.revision) return;
      reports.set(issueId, { ...ofIssue, [report.source]: stored(report) });
    },

    list: async (issueId) => stored(reports.get(issueId) ?? {}),

    claimNotice: async (issueId, fingerprint) => {
      const previous = notices.get(issueId);
      if (previous === fingerprint) return { claimed: false };
      notices.set(issueId, fingerprint);
      return { claimed: true, ...(previous ? { previous } : {}) };
    },

    releaseNotice: async (issueId, fingerprint, previous) => {
      if (notices.get(issueId) === fingerprint) notices.set(issueId, previous ?? '');
    },
  };
};
