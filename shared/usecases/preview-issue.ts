import type { IssueId, Language } from '../domain/issue.ts';
import type { LinkVariant } from '../domain/platforms.ts';
import { mailSizeWarning } from '../domain/mail-size.ts';
import { withWarningBanner } from '../domain/music/warning-banner.ts';
import { emailIn, type MailBodies, type Personalisation, personalise } from '../domain/rendered-email.ts';
import type { IssueStore } from '../ports/issue-store.ts';
import type { WarningBannerWriter } from '../ports/warning-banner.ts';
import type { WarningStore } from '../ports/warning-store.ts';
import { type ListedWarning, warningsOf } from './music/issue-warnings.ts';

export type PreviewResult =
  | { ok: true; email: MailBodies; revision: number; warnings: ListedWarning[] }
  | { ok: false; error: 'not_found' | 'not_rendered' };

/**
 * The email exactly as a recipient will get it, with sample links in place of theirs, and the issue's
 * warnings in a banner on top that only the author sees (readers' mails are made by the campaign, not here).
 */
export const previewIssue = async (
  id: IssueId,
  deps: { store: IssueStore; sample: Personalisation; warnings: WarningStore; banner: WarningBannerWriter },
  /** As a reader of this platform sees it; the universal links by default. */
  variant: LinkVariant = 'universal',
  /** As a reader of this language sees it; the issue's own by default. */
  language?: Language,
): Promise<PreviewResult> => {
  const issue = await deps.store.get(id);
  if (!issue) return { ok: false, error: 'not_found' };
  if (issue.renderedRevision === undefined) return { ok: false, error: 'not_rendered' };
  const [rendered, warnings] = await Promise.all([
    deps.store.getRender(id, issue.renderedRevision),
    warningsOf(issue, deps.warnings),
  ]);
  if (!rendered || Object.keys(rendered.emails).length === 0) return { ok: false, error: 'not_rendered' };
  const personalised = personalise(emailIn(rendered, language ?? issue.language), deps.sample, variant);
  // Measured on the reader's mail, before the banner (which readers never get).
  const size = mailSizeWarning(personalised.html);
  const banner = deps.banner({ issue, warnings, ...(size ? { size } : {}) });
  return {
    ok: true,
    email: withWarningBanner(personalised, banner),
    revision: issue.renderedRevision,
    warnings,
  };
};
