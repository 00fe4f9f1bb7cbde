import type { Issue, IssueId } from '../../domain/issue.ts';
import { describeWarning } from '../../domain/music/describe-warning.ts';
import type { IssueWarning, WarningSource } from '../../domain/music/issue-warning.ts';
import type { IssueStore } from '../../ports/issue-store.ts';
import type { WarningStore } from '../../ports/warning-store.ts';

/** One warning as the routes show it: the plain line, and where it comes from. */
export type ListedWarning = IssueWarning & {
  source: WarningSource;
  /** The revision the check looked at; older than the issue's means the post changed since. */
  revision: number;
  checkedAt: string;
  line: string;
};

const SOURCE_ORDER: readonly WarningSource[] = ['health', 'resolution', 'catalogue'];

/** An issue's current warnings, every source's latest report flattened, for the preview, test-send and routes. */
export const warningsOf = async (
  issue: Pick<Issue, 'id' | 'revision' | 'tracks'>,
  store: WarningStore,
): Promise<ListedWarning[]> => {
  const reports = await store.list(issue.id);
  return SOURCE_ORDER.flatMap((source) => {
    const report = reports[source];
    if (!report) return [];
    const stale = report.revision < issue.revision ? ` (checked on revision ${report.revision})` : '';
    return report.warnings.map((warning) => ({
      ...warning,
      source,
      revision: report.revision,
      checkedAt: report.checkedAt,
      line: `${describeWarning(warning, issue.tracks)}${stale}`,
    }));
  });
};

export type IssueWarningsResult =
  | { ok: true; issueId: IssueId; revision: number; warnings: ListedWarning[] }
  | { ok: false; error: 'not_found' };

export const issueWarnings = async (
  id: IssueId,
  deps: { issues: IssueStore; warnings: WarningStore },
): Promise<IssueWarningsResult> => {
  const issue = await deps.issues.get(id);
  if (!issue) return { ok: false, error: 'not_found' };
  return {
    ok: true,
    issueId: id,
    revision: issue.revision,
    warnings: await warningsOf(issue, deps.warnings),
  };
};
