import { contentHash } from '../domain/content-hash.ts';
import { FROZEN_STATUSES, type Issue, type IssueContent, issueIdFor } from '../domain/issue.ts';
import type { IssueWarning } from '../domain/music/issue-warning.ts';
import { comingSundays, isLongPast } from '../domain/post-sunday.ts';
import { slugFor } from '../domain/slug.ts';
import type { Clock } from '../ports/clock.ts';
import type { IssueStore } from '../ports/issue-store.ts';
import type { RenderTrigger } from '../ports/render-trigger.ts';
import { findSundayIssue } from './campaign/find-sunday-issue.ts';

export type AcceptPostDeps = {
  store: IssueStore;
  renderTrigger: RenderTrigger;
  clock: Clock;
  /** The newsletter's timezone: "the coming Sunday" and "long past" are local dates. */
  timeZone: string;
};

/** A post as it arrives: without a Sunday of its own, a new issue takes the next free one, a revision keeps its own. */
export type PostContent = Omit<IssueContent, 'sunday'> & { sunday?: string };

/** A revision that moved its issue to another Sunday: said back to the author, never done silently. */
export type SundayMove = { from: string; to: string };

export type AcceptPostResult =
  | {
      ok: true;
      outcome: 'created' | 'revised' | 'unchanged';
      issue: Issue;
      /** Found while the revision was taken in (a track featured before); links are checked later. */
      warnings: IssueWarning[];
      sundayMoved?: SundayMove;
    }
  | { ok: false; error: 'already_sent'; issue: Issue }
  /** Its Sunday is more than a week gone: back issues come in by the archive import, not as a new send. */
  | { ok: false; error: 'sunday_long_past'; sunday: string }
  | { ok: false; error: 'revision_conflict' };

/**
 * Stores a post as the next revision of its issue (one issue per series number) and has it rendered.
 * The same content again makes no new revision; a change after the campaign started is refused.
 */
export const acceptPost = async (post: PostContent, deps: AcceptPostDeps): Promise<AcceptPostResult> => {
  const id = issueIdFor(post.series);
  const existing = await deps.store.get(id);
  const sunday = post.sunday ?? existing?.sunday ?? (await nextFreeSunday(post.series, deps));
  const content: IssueContent = { ...post, sunday };
  const hash = contentHash(content);

  if (existing && existing.contentHash === hash) {
    const { issue, warnings } = await ensureRendered(existing, deps);
    return { ok: true, outcome: 'unchanged', issue, warnings };
  }
  if (existing && FROZEN_STATUSES.includes(existing.status)) {
    return { ok: false, error: 'already_sent', issue: existing };
  }
  if (isLongPast(sunday, deps.clock.now(), deps.timeZone))
    return { ok: false, error: 'sunday_long_past', sunday };

  const now = deps.clock.now().toISOString();
  const issue: Issue = {
    ...content,
    id,
    slug: slugFor(content.series, content.title),
    status: 'received',
    revision: (existing?.revision ?? 0) + 1,
    contentHash: hash,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  const saved = await deps.store.saveRevision(issue, existing?.revision);
  if (!saved.ok) {
    return saved.error === 'frozen' && saved.current
      ? { ok: false, error: 'already_sent', issue: saved.current }
      : { ok: false, error: 'revision_conflict' };
  }
  const moved =
    existing && existing.sunday !== sunday ? { sundayMoved: { from: existing.sunday, to: sunday } } : {};
  return {
    ok: true,
    outcome: existing ? 'revised' : 'created',
    ...(await ensureRendered(issue, deps)),
    ...moved,
  };
};

/** The coming Sunday, or the first after it that no other issue holds: an author writing ahead queues up. */
const nextFreeSunday = async (series: number, deps: AcceptPostDeps): Promise<string> => {
  let last = '';
  for (const sunday of comingSundays(deps.clock.now(), deps.timeZone)) {
    const holder = await findSundayIssue(deps.store, sunday);
    if (!holder || holder.series === series) return sunday;
    last = sunday;
  }
  return last;
};

/** A delivery retried after a failed render finds its revision stored but not rendered: render it now. */
const ensureRendered = async (
  issue: Issue,
  deps: AcceptPostDeps,
): Promise<{ issue: Issue; warnings: IssueWarning[] }> => {
  if (issue.renderedRevision === issue.revision) return { issue, warnings: [] };
  const outcome = await deps.renderTrigger.render(issue.id, issue.revision);
  const warnings = outcome.warnings ?? [];
  return outcome.rendered
    ? {
        issue: {
          ...issue,
          status: issue.status === 'received' ? 'rendered' : issue.status,
          renderedRevision: issue.revision,
        },
        warnings,
      }
    : { issue, warnings };
};
