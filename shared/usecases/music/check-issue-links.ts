import { sundayOnOrAfter } from '../../domain/calendar.ts';
import { FROZEN_STATUSES, type Issue, type IssueId } from '../../domain/issue.ts';
import { localInstant } from '../../domain/local-instant.ts';
import type { IssueWarning, WarningReport, WarningSource } from '../../domain/music/issue-warning.ts';
import { warningFingerprint } from '../../domain/music/warning-groups.ts';
import { type AuthorNotice, type AuthorNotifier, noticeIssue } from '../../ports/author-notices.ts';
import type { Clock } from '../../ports/clock.ts';
import { failing, type HealthReport } from '../../domain/deliverability/health-item.ts';
import type { IssueStore } from '../../ports/issue-store.ts';
import type { LinkChecker } from '../../ports/link-checker.ts';
import type { TrackResolution } from '../../domain/music/track-resolution.ts';
import type { WarningStore } from '../../ports/warning-store.ts';
import { countAudience } from '../campaign/count-audience.ts';
import type { SubscribersByStatus } from '../subscribers/with-status.ts';
import { findSundayIssue } from '../campaign/find-sunday-issue.ts';
import { checkAll, healthWarnings, linkTargets } from './link-health.ts';
import { resolutionWarnings } from './resolution-warnings.ts';

export type CheckIssueLinksDeps = {
  issues: IssueStore;
  checker: LinkChecker;
  links: { getMany: (keys: readonly string[]) => Promise<Map<string, TrackResolution>> };
  warnings: WarningStore;
  author: AuthorNotifier;
  clock: Clock;
  timeZone: string;
  /** The eve's reminder says to how many the issue goes. */
  subscribers: SubscribersByStatus;
  /** The Sunday run's wall-clock time (HH:MM in `timeZone`), for the eve's reminder. */
  sendTime: string;
  /** How many URLs are checked at once. */
  concurrency: number;
  /** How long the checks may take in all; links left past it are reported unchecked, not lost with the run. */
  budgetMs?: number;
  /** ingest: right after the post came in; eve: the day before its Sunday. */
  reason: 'ingest' | 'eve';
  /** The last run of the account's checks (the daily deliverability job), quoted by the eve reminder. */
  deliverability?: { latest: () => Promise<HealthReport | undefined> };
  /** The enabled networks that will not post at the send (silentNetworks), named by the eve reminder. */
  silentNetworks?: (
    sendAt: Date,
  ) => Promise<NonNullable<Extract<AuthorNotice, { kind: 'eve_reminder' }>['silentNetworks']>>;
};

export type CheckTarget = { issueId: IssueId } | { comingSunday: true };

export type CheckIssueLinksResult =
  | { kind: 'no_issue'; issueId?: IssueId; sunday?: string }
  /** Sending or sent: the content is frozen and readers have it, a warning would come too late. */
  | { kind: 'already_sent'; issueId: IssueId }
  | { kind: 'checked'; issueId: IssueId; revision: number; warnings: IssueWarning[]; notified: boolean };

const SOURCES = ['health', 'resolution'] as const satisfies readonly WarningSource[];

const findIssue = async (target: CheckTarget, deps: CheckIssueLinksDeps) => {
  if ('issueId' in target) return { issue: await deps.issues.get(target.issueId), issueId: target.issueId };
  const sunday = sundayOnOrAfter(deps.clock.now(), deps.timeZone);
  return { issue: await findSundayIssue(deps.issues, sunday), sunday };
};

/**
 * The author hears of a warning set once: the first check to claim its fingerprint mails it, a same set
 * found again (a post re-sent for a typo, a redelivered message, a second worker) says nothing. A mail that
 * fails gives its claim back, so the retry sends it.
 */
const tellOnce = async (
  issueId: IssueId,
  warnings: readonly IssueWarning[],
  deps: CheckIssueLinksDeps,
  notice?: AuthorNotice,
): Promise<boolean> => {
  const fingerprint = warningFingerprint(warnings);
  const claim = await deps.warnings.claimNotice(issueId, fingerprint);
  if (!notice || !claim.claimed) return false;
  try {
    await deps.author.notify(notice);
    return true;
  } catch (error) {
    await deps.warnings.releaseNotice(issueId, fingerprint, claim.previous);
    throw error;
  }
};

const eveReminder = async (issue: Issue, warnings: IssueWarning[], deps: CheckIssueLinksDeps) => {
  const now = deps.clock.now();
  const red = failing((await deps.deliverability?.latest())?.items ?? []);
  const sendAt = localInstant(issue.sunday, deps.sendTime, deps.timeZone);
  const silent = (await deps.silentNetworks?.(sendAt)) ?? [];
  const notice: AuthorNotice = {
    kind: 'eve_reminder',
    issue: noticeIssue(issue),
    at: now.toISOString(),
    sendAt: sendAt.toISOString(),
    audience: await countAudience(deps.subscribers, now),
    warnings,
    ...(red.length > 0 ? { deliverability: red } : {}),
    ...(silent.length > 0 ? { silentNetworks: silent } : {}),
  };
  // The reminder carries the warnings: the set is claimed so that a later check does not mail it again.
  const fingerprint = warningFingerprint(warnings);
  const claim = await deps.warnings.claimNotice(issue.id, fingerprint);
  try {
    await deps.author.notify(notice);
  } catch (error) {
    if (claim.claimed) await deps.warnings.releaseNotice(issue.id, fingerprint, claim.previous);
    throw error;
  }
  return true;
};

const nothingDue = async (sunday: string, deps: CheckIssueLinksDeps) => {
  await deps.author.notify({
    kind: 'nothing_due',
    sunday,
    at: deps.clock.now().toISOString(),
    sendAt: localInstant(sunday, deps.sendTime, deps.timeZone).toISOString(),
  });
};

/**
 * Link health of one issue: every track link, track cover and the issue's cover (each distinct URL once), and
 * what the cached resolutions say. Each source's report replaces its previous one. On receipt, the author is
 * told once per warning set (with the catalogue's), and only once every track's resolution is in: the first
 * check runs before the resolver, and a mail then would be followed by another for the same revision. On the
 * eve she gets the reminder, warnings and all; no issue due, she is told that. The mail goes before the
 * reports are saved, so one that fails is sent again by the retry rather than lost.
 */
export const checkIssueLinks = async (
  target: CheckTarget,
  deps: CheckIssueLinksDeps,
): Promise<CheckIssueLinksResult> => {
  const { issue, ...where } = await findIssue(target, deps);
  if (!issue) {
    if (deps.reason === 'eve' && where.sunday) await nothingDue(where.sunday, deps);
    return { kind: 'no_issue', ...where };
  }
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
  const found = { health: healthWarnings(targets, checks), resolution: resolution.warnings };
  const warnings = [...found.health, ...found.resolution];
  const catalogue = previous.catalogue?.revision === issue.revision ? previous.catalogue.warnings : [];
  const all = [...warnings, ...catalogue];
  const notified =
    deps.reason === 'eve'
      ? await eveReminder(issue, all, deps)
      : resolution.pending === 0 &&
        (await tellOnce(
          issue.id,
          all,
          deps,
          all.length > 0 ? { kind: 'warnings', issue: noticeIssue(issue), warnings: all } : undefined,
        ));

  const checkedAt = deps.clock.now().toISOString();
  await Promise.all(
    SOURCES.map((source) => {
      const report: WarningReport = { source, revision: issue.revision, checkedAt, warnings: found[source] };
      return deps.warnings.save(issue.id, report);
    }),
  );
  return { kind: 'checked', issueId: issue.id, revision: issue.revision, warnings, notified };
};
