import { sundayOnOrAfter } from '../../domain/calendar.ts';
import { FROZEN_STATUSES, type Issue, type IssueId } from '../../domain/issue.ts';
import { describeWarning } from '../../domain/music/describe-warning.ts';
import type { IssueWarning, WarningReport, WarningSource } from '../../domain/music/issue-warning.ts';
import type { AuthorNotifier } from '../../ports/author-notices.ts';
import type { Clock } from '../../ports/clock.ts';
import type { IssueStore } from '../../ports/issue-store.ts';
import type { LinkChecker } from '../../ports/link-checker.ts';
import type { TrackLinkStore } from '../../ports/track-link-store.ts';
import type { WarningStore } from '../../ports/warning-store.ts';
import { findSundayIssue } from '../campaign/find-sunday-issue.ts';
import { checkAll, healthWarnings, linkTargets } from './link-health.ts';
import { resolutionWarnings } from './resolution-warnings.ts';

export type CheckIssueLinksDeps = {
  issues: IssueStore;
  checker: LinkChecker;
  links: Pick<TrackLinkStore, 'getMany'>;
  warnings: WarningStore;
  author: AuthorNotifier;
  clock: Clock;
  timeZone: string;
  /** How many URLs are checked at once. */
  concurrency: number;
  /** How long the checks may take in all; links left past it are reported unchecked, not lost with the run. */
  budgetMs?: number;
  /** ingest: right after the post came in; eve: the day before its Sunday. */
  reason: 'ingest' | 'eve';
};

export type CheckTarget = { issueId: IssueId } | { comingSunday: true };

export type CheckIssueLinksResult =
  | { kind: 'no_issue'; issueId?: IssueId; sunday?: string }
  /** Sending or sent: the content is frozen and readers have it, a warning would come too late. */
  | { kind: 'already_sent'; issueId: IssueId }
  | { kind: 'checked'; issueId: IssueId; revision: number; warnings: IssueWarning[]; notified: boolean };

const SOURCES = ['health', 'resolution'] as const satisfies readonly WarningSource[];

/**
 * What a warning is, without its detail: "timed out" one day and "HTTP 503" the next are the same problem,
 * and the author is not told again about it on ingest.
 */
const signature = (warnings: readonly IssueWarning[]): string =>
  JSON.stringify(
    warnings.map((w) => JSON.stringify(Object.entries(w).filter(([key]) => key !== 'detail'))).sort(),
  );

const findIssue = async (target: CheckTarget, deps: CheckIssueLinksDeps) => {
  if ('issueId' in target) return { issue: await deps.issues.get(target.issueId), issueId: target.issueId };
  const sunday = sundayOnOrAfter(deps.clock.now(), deps.timeZone);
  return { issue: await findSundayIssue(deps.issues, sunday), sunday };
};

const noticeFor = (issue: Issue, warnings: readonly IssueWarning[], reason: 'ingest' | 'eve') => {
  const count = `${warnings.length} warning${warnings.length === 1 ? '' : 's'}`;
  const name = `#${issue.series} “${issue.title}”`;
  return {
    subject: reason === 'eve' ? `${count} for tomorrow's issue ${name}` : `${count} for issue ${name}`,
    text: [
      `Issue ${name}, going out on Sunday ${issue.sunday}, has ${count} (${reason === 'eve' ? 'check of the eve' : 'check on receipt'}):`,
      '',
      ...warnings.map((w) => `- ${describeWarning(w, issue.tracks)}`),
      '',
      'Nothing is blocked: fix the post and send it again, or leave it as it is.',
    ].join('\n'),
  };
};

/**
 * Link health of one issue: every track link, track cover and the issue's cover (each distinct URL once), and
 * what the cached resolutions say. Each source's report replaces its previous one. The author is told when
 * there is something to tell: on ingest only when the warnings changed (a post sent again for a typo does not
 * repeat the note), on the eve every time, as it is the last chance. The note goes before the reports are
 * saved, so a note that fails is sent again by the retry rather than lost.
 */
export const checkIssueLinks = async (
  target: CheckTarget,
  deps: CheckIssueLinksDeps,
): Promise<CheckIssueLinksResult> => {
  const { issue, ...where } = await findIssue(target, deps);
  if (!issue) return { kind: 'no_issue', ...where };
  if (FROZEN_STATUSES.includes(issue.status)) return { kind: 'already_sent', issueId: issue.id };

  const targets = linkTargets(issue);
  const [checks, resolution, previous] = await Promise.all([
    checkAll([...targets.keys()], deps.checker, deps.concurrency, {
      at: Date.now() + (deps.budgetMs ?? Number.POSITIVE_INFINITY),
      now: Date.now,
    }),
    resolutionWarnings(issue.tracks, deps.links),
    deps.warnings.list(issue.id),
  ]);
  const found = { health: healthWarnings(targets, checks), resolution };
  const warnings = [...found.health, ...found.resolution];
  const before = SOURCES.flatMap((source) => previous[source]?.warnings ?? []);
  const notify = warnings.length > 0 && (deps.reason === 'eve' || signature(warnings) !== signature(before));
  if (notify) await deps.author.notify(noticeFor(issue, warnings, deps.reason));

  const checkedAt = deps.clock.now().toISOString();
  await Promise.all(
    SOURCES.map((source) => {
      const report: WarningReport = { source, revision: issue.revision, checkedAt, warnings: found[source] };
      return deps.warnings.save(issue.id, report);
    }),
  );
  return { kind: 'checked', issueId: issue.id, revision: issue.revision, warnings, notified: notify };
};
