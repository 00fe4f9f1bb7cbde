import type { IssueId } from '../domain/issue.ts';
import { type Personalisation, personalise, type RenderedEmail } from '../domain/rendered-email.ts';
import type { IssueStore } from '../ports/issue-store.ts';

export type PreviewResult =
  { ok: true; email: RenderedEmail; revision: number } | { ok: false; error: 'not_found' | 'not_rendered' };

/** The email exactly as a recipient will get it, with sample links in place of theirs. */
export const previewIssue = async (
  id: IssueId,
  deps: { store: IssueStore; sample: Personalisation },
): Promise<PreviewResult> => {
  const issue = await deps.store.get(id);
  if (!issue) return { ok: false, error: 'not_found' };
  if (issue.renderedRevision === undefined) return { ok: false, error: 'not_rendered' };
  const rendered = await deps.store.getRender(id, issue.renderedRevision);
  if (!rendered) return { ok: false, error: 'not_rendered' };
  const { webHtml: _web, ...email } = rendered;
  return { ok: true, email: personalise(email, deps.sample), revision: issue.renderedRevision };
};
