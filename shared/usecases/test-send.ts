import type { EmailAddress } from '../domain/email-address.ts';
import type { IssueId } from '../domain/issue.ts';
import type { Personalisation } from '../domain/rendered-email.ts';
import type { IssueStore } from '../ports/issue-store.ts';
import type { Mailer, SendOutcome } from '../ports/mailer.ts';
import { previewIssue } from './preview-issue.ts';

export type TestSendResult =
  { ok: true; outcome: SendOutcome; revision: number } | { ok: false; error: 'not_found' | 'not_rendered' };

/**
 * The exact email a reader gets, with sample links and "[TEST]" before the subject, to one address of the
 * author's choosing. Outside the campaign ledger: it neither counts nor blocks the Sunday send.
 */
export const testSend = async (
  id: IssueId,
  to: EmailAddress,
  deps: {
    store: IssueStore;
    mailer: Mailer;
    sender: { name: string; address: string };
    sample: Personalisation;
  },
): Promise<TestSendResult> => {
  const preview = await previewIssue(id, { store: deps.store, sample: deps.sample });
  if (!preview.ok) return preview;
  const outcome = await deps.mailer.send({
    from: deps.sender,
    to: { address: to },
    subject: `[TEST] ${preview.email.subject}`,
    html: preview.email.html,
    text: preview.email.text,
    listUnsubscribeUrl: deps.sample.unsubscribeUrl,
  });
  return { ok: true, outcome, revision: preview.revision };
};
