import { localDate } from '../domain/calendar.ts';
import { contentHash } from '../domain/content-hash.ts';
import { type Issue, type IssueContent, issueIdFor } from '../domain/issue.ts';
import { slugFor } from '../domain/slug.ts';
import type { Clock } from '../ports/clock.ts';
import type { IssueStore } from '../ports/issue-store.ts';
import type { RenderTrigger } from '../ports/render-trigger.ts';

export type ImportDeps = { store: IssueStore; renderTrigger: RenderTrigger; clock: Clock; timeZone: string };

export type ImportOutcome =
  | { ok: true; outcome: 'imported' | 'unchanged'; issue: Issue }
  /** An issue of that number exists with other content: the archive keeps what readers were sent. */
  | { ok: false; error: 'exists'; issue: Issue }
  /** Its Sunday is today or to come: an issue that readers have not had goes out by the usual path. */
  | { ok: false; error: 'not_past'; sunday: string }
  | { ok: false; error: 'not_rendered' | 'revision_conflict' };

/**
 * A past post as an issue already sent: stored, rendered for the archive page and the feeds, and marked sent
 * so no Sunday run mails it or announces it. The one way a long-past Sunday enters. Run twice, it writes
 * nothing the second time.
 */
export const importBackIssue = async (content: IssueContent, deps: ImportDeps): Promise<ImportOutcome> => {
  if (content.sunday >= localDate(deps.clock.now(), deps.timeZone)) {
    return { ok: false, error: 'not_past', sunday: content.sunday };
  }
  const id = issueIdFor(content.series);
  const hash = contentHash(content);
  const existing = await deps.store.get(id);
  if (existing && existing.contentHash === hash && existing.status === 'sent') {
    return { ok: true, outcome: 'unchanged', issue: existing };
  }
  if (existing && existing.contentHash !== hash) return { ok: false, error: 'exists', issue: existing };

  const now = deps.clock.now().toISOString();
  const issue: Issue = existing ?? {
    ...content,
    id,
    slug: slugFor(content.series, content.title),
    status: 'received',
    revision: 1,
    contentHash: hash,
    createdAt: now,
    updatedAt: now,
  };
  if (!existing) {
    const saved = await deps.store.saveRevision(issue, undefined);
    if (!saved.ok) return { ok: false, error: 'revision_conflict' };
  }
  // An earlier run may have stopped between the steps: each one is done only if it is still to do.
  if (issue.renderedRevision !== issue.revision) {
    const rendered = await deps.renderTrigger.render(id, issue.revision);
    if (!rendered.rendered) return { ok: false, error: 'not_rendered' };
  }
  await deps.store.setStatus(id, 'rendered', 'sent', now);
  const stored = await deps.store.get(id);
  return stored?.status === 'sent'
    ? { ok: true, outcome: 'imported', issue: stored }
    : { ok: false, error: 'not_rendered' };
};
