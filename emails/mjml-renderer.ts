import type { Issue } from '../shared/domain/issue.ts';
import type { RenderedIssue } from '../shared/domain/rendered-email.ts';
import type { EmailLinks, EmailRenderer } from '../shared/ports/email-renderer.ts';
import { compileMjml, type ValidationLevel } from './compile-mjml.ts';
import { issueView, type NewsletterIdentity, subjectFor, type Target } from './issue-view.ts';
import { plainTextFor } from './plain-text.ts';
import { variantFills } from './track-link-fills.ts';
import { fillTemplate, loadIssueTemplates } from './templates.ts';

export type MjmlRendererOptions = NewsletterIdentity & { validationLevel?: ValidationLevel };

/**
 * The EmailRenderer port with MJML: Mustache fills the templates, MJML turns them into email-safe HTML.
 * Templates are read once, here; each issue costs two MJML renders (email and web page), whatever the number
 * of link variants: those are string fills of the one email render.
 */
export const createMjmlRenderer = ({
  validationLevel = 'strict',
  ...identity
}: MjmlRendererOptions): EmailRenderer => {
  const templates = loadIssueTemplates();
  const page = (issue: Issue, links: EmailLinks, target: Target): Promise<string> =>
    compileMjml(fillTemplate(templates, issueView(issue, links, identity, target)), validationLevel);

  return {
    renderIssue: async (issue: Issue, links: EmailLinks): Promise<RenderedIssue> => ({
      subject: subjectFor(issue, identity.seriesName),
      html: await page(issue, links, 'email'),
      text: plainTextFor(issue, links, identity),
      ...(links.tracks ? { variants: variantFills(issue, links.tracks) } : {}),
      webHtml: await page(issue, links, 'web'),
    }),
  };
};
