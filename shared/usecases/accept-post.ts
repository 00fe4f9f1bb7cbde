import { contentHash } from '../domain/content-hash.ts';
import { FROZEN_STATUSES, type Issue, type IssueContent, type IssueId, issueIdFor } from '../domain/issue.ts';
import type { PostContent } from '../domain/posts/post-content.ts';
import type { IssueWarning } from '../domain/music/issue-warning.ts';
import { sundayOnOrAfter } from '../domain/calendar.ts';
import { isLongPast } from '../domain/post-sunday.ts';
import { slugFor } from '../domain/slug.ts';
import type { Clock } from '../ports/clock.ts';
import type { IssueStore } from '../ports/issue-store.ts';
import type { RenderTrigger } from '../ports/render-trigger.ts';
import { takeFirstFreeSunday } from './sundays/first-free-sunday.ts';
import { takeSunday } from './sundays/take-sunday.ts';

export type AcceptPostDeps = {
  store: IssueStore;
  renderTrigger: RenderTrigger;
  clock: Clock;
  /** The newsletter's timezone: "the coming Sunday" and "long past" are local dates. */
  timeZone: string;
};

/** A revision that moved its issue to another Sunday: said back to the author, never done silently. */
export type SundayMove = { from: string; to: string };

/** The post named a Sunday another issue holds: this one is on `sunday` instead (the first free one, or its own). */
export type SundayTaken = { asked: string; holder: IssueId; sunday: string };

export type AcceptPostResult =
  | {
      ok: true;
      outcome: 'created' | 'revised' | 'unchanged';
      issue: Issue;
      /** Found while the revision was taken in (a track featured before); links are checked later. */
      warnings: IssueWarning[];
      sundayMoved?: SundayMove;
      sundayTaken?: SundayTaken;
    }
  | { ok: false; error: 'already_sent'; issue: Issue }
  /** Its Sunday is more than a week gone: back issues come in by the archive import, not as a new send. */
  | { ok: false; error: 'sunday_long_past'; sunday: string }
  /** Every Sunday of the coming year is held by another issue. */
  | { ok: false; error: 'no_free_sunday' }
  | { ok: false; error: 'revision_conflict' };

type SundayChoice = { sunday: string; claimed?: string; taken?: SundayTaken };

/**
 * Stores a post as the next revision of its issue (one issue per series number) and has it rendered.
 * The same content again makes no new revision; a change after the campaign started is refused.
 * One issue per Sunday: a new issue takes the Sunday it names (or the coming one) if free, else the first free
 * one after it; a revision keeps its own Sunday, and moves only to a Sunday no other issue holds. Either way
 * the answer says so. The Sunday is claimed before the issue names it (see `takeSunday`).
 */
export const acceptPost = async (post: PostContent, deps: AcceptPostDeps): Promise<AcceptPostResult> => {
  const id = issueIdFor(post.series);
  const existing = await deps.store.get(id);
  const now = deps.clock.now();
  const asked = post.sunday ?? existing?.sunday ?? sundayOnOrAfter(now, deps.timeZone);
  if (isLongPast(asked, now, deps.timeZone) && !(existing && existing.sunday === asked))
    return existing && FROZEN_STATUSES.includes(existing.status)
      ? { ok: false, error: 'already_sent', issue: existing }
      : { ok: false, error: 'sunday_long_past', sunday: asked };
  const choice = await chooseSunday(id, asked, existing, deps);
  // A post that named no Sunday asked for none: taking the next free one is the rule, not news.
  if (choice && post.sunday === undefined) delete choice.taken;
  if (!choice) return { ok: false, error: 'no_free_sunday' };
  const content: IssueContent = { ...post, sunday: choice.sunday };
  const hash = contentHash(content);
  const taken = choice.taken ? { sundayTaken: choice.taken } : {};

  if (existing && existing.contentHash === hash) {
    const { issue, warnings } = await ensureRendered(existing, deps);
    return { ok: true, outcome: 'unchanged', issue, warnings, ...taken };
  }
  if (existing && FROZEN_STATUSES.includes(existing.status)) {
    return { ok: false, error: 'already_sent', issue: existing };
  }
  // Its own Sunday, long gone and never sent: a change now would be a back issue, not a late revision.
  if (isLongPast(choice.sunday, now, deps.timeZone))
    return { ok: false, error: 'sunday_long_past', sunday: choice.sunday };

  const at = now.toISOString();
  const issue: Issue = {
    ...content,
    id,
    slug: slugFor(content.series, content.title),
    status: 'received',
    revision: (existing?.revision ?? 0) + 1,
    contentHash: hash,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
  };
  const saved = await deps.store.saveRevision(issue, existing?.revision);
  if (!saved.ok) {
    // Ours only for this write: let it go, or it would keep the Sunday from others until it went stale.
    if (choice.claimed) await deps.store.releaseSunday(choice.claimed, id);
    return saved.error === 'frozen' && saved.current
      ? { ok: false, error: 'already_sent', issue: saved.current }
      : { ok: false, error: 'revision_conflict' };
  }
  const moved = existing && existing.sunday !== choice.sunday;
  // After the issue names its new Sunday: a crash before this leaves a claim that goes stale, never two holders.
  if (moved) await deps.store.releaseSunday(existing.sunday, id);
  return {
    ok: true,
    outcome: existing ? 'revised' : 'created',
    ...(await ensureRendered(issue, deps)),
    ...(moved ? { sundayMoved: { from: existing.sunday, to: choice.sunday } } : {}),
    ...taken,
  };
};

/** Which Sunday the post gets, claimed for it; undefined when a whole year is taken. */
const chooseSunday = async (
  id: IssueId,
  asked: string,
  existing: Issue | undefined,
  deps: AcceptPostDeps,
): Promise<SundayChoice | undefined> => {
  const sundays = { store: deps.store, clock: deps.clock };
  // A campaign froze it: nothing will be written, so nothing is claimed.
  if (existing && FROZEN_STATUSES.includes(existing.status)) return { sunday: asked };
  if (existing) {
    // Claimed lazily for an issue stored before claims existed.
    await takeSunday(existing.sunday, id, sundays);
    if (asked === existing.sunday) return { sunday: asked };
    const took = await takeSunday(asked, id, sundays);
    return took.ok
      ? { sunday: asked, claimed: asked }
      : { sunday: existing.sunday, taken: { asked, holder: took.holder, sunday: existing.sunday } };
  }
  const first = await takeSunday(asked, id, sundays);
  if (first.ok) return { sunday: asked, claimed: asked };
  const next = await takeFirstFreeSunday(asked, id, sundays);
  return next.ok
    ? {
        sunday: next.sunday,
        claimed: next.sunday,
        taken: { asked, holder: first.holder, sunday: next.sunday },
      }
    : undefined;
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
