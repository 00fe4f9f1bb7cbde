import type { EmailAddress } from '../domain/email-address.ts';
import type { IssueId, Language } from '../domain/issue.ts';
import type { LinkVariant } from '../domain/platforms.ts';
import type { Personalisation } from '../domain/rendered-email.ts';
import type { IssueStore } from '../ports/issue-store.ts';
import type { Mailer, SendOutcome } from '../ports/mailer.ts';
import type { WarningBannerWriter } from '../ports/warning-banner.ts';
import type { WarningStore } from '../ports/warning-store.ts';
import type { ListedWarning } from './music/issue-warnings.ts';
import { previewIssue } from './preview-issue.ts';

export type TestSendResult =
  | { ok: true; outcome: SendOutcome; revision: number; warnings: ListedWarning[] }
  | { ok: false; error: 'not_found' | 'not_rendered' };

/**
 * The exact email a reader gets, with sample links and "[TEST]" before the subject, to one address of the
 * author's choosing, with the issue's warnings on top as in the preview. Outside the campaign ledger: it
 * neither counts nor blocks the Sunday send.
 */
export const testSend = async (
  id: IssueId,
  to: EmailAddress,
  deps: {
    store: IssueStore;
    mailer: Mailer;
    sender: { name: string; address: string };
    sample: Personalisation;
    warnings: WarningStore;
    banner: WarningBannerWriter;
  },
  /** The links a reader of this platform gets; the universal ones by default. */
  variant: LinkVariant = 'universal',
  /** The chrome a reader of this language gets; the issue's own by default. */
  language?: Language,
): Promise<TestSendResult> => {
  const preview = await previewIssue(
    id,
    { store: deps.store, sample: deps.sample, warnings: deps.warnings, banner: deps.banner },
    variant,
    language,
  );
  if (!preview.ok) return preview;
  const outcome = await deps.mailer.send({
    from: deps.sender,
    to: { address: to },
    subject: `[TEST] ${preview.email.subject}`,
    html: preview.email.html,
    text: preview.email.text,
    listUnsubscribeUrl: deps.sample.unsubscribeUrl,
  });
  return { ok: true, outcome, revision: preview.revision, warnings: preview.warnings };
};
