import { randomBytes } from 'node:crypto';
import {
  SlotMarkerError,
  type SlotName,
  slotMarkers,
  type SlottedBody,
} from '../shared/domain/email-slots.ts';
import type { Issue, Language } from '../shared/domain/issue.ts';
import { READER_LANGUAGES } from '../shared/domain/reader-languages.ts';
import type { RenderedEmail, RenderedIssue } from '../shared/domain/rendered-email.ts';
import type { EmailLinks, EmailRenderer } from '../shared/ports/email-renderer.ts';
import { compileMjml, type ValidationLevel } from './compile-mjml.ts';
import { EmailRenderError } from './email-render-error.ts';
import { withMainLandmark } from './main-landmark.ts';
import { issueView, type NewsletterIdentity, type Page, subjectFor } from './issue-view.ts';
import { plainTextFor } from './plain-text.ts';
import { variantFills } from './track-link-fills.ts';
import { forBrowsers } from './web-html.ts';
import { fillTemplate, loadIssueTemplates } from './templates.ts';

export type MjmlRendererOptions = NewsletterIdentity & {
  validationLevel?: ValidationLevel;
  /** The languages each email is rendered in: every one a reader can choose. */
  languages?: readonly Language[];
  /** A fresh secret per email render (hex, ≥ 128 bits): see `slotMarkers`. */
  nonce?: () => string;
  /** MJML to HTML; a test wraps it to count renders. */
  compile?: (mjml: string, validationLevel: ValidationLevel) => Promise<string>;
};

// The footer's links, once each in each body: fewer and a reader lacks a way out, more and a link sits
// somewhere the templates did not mean it to.
const FOOTER: readonly SlotName[] = ['unsubscribeUrl', 'preferencesUrl'];
const requireFooter = (body: SlottedBody, part: string) => {
  for (const slot of FOOTER) {
    const count = body.slots.filter(({ name }) => name === slot).length;
    if (count !== 1) throw new EmailRenderError(`the ${part} has ${count} ${slot} slots, not one`);
  }
};

/**
 * The EmailRenderer port with MJML: Mustache fills the templates, MJML turns them into email-safe HTML.
 * Templates are read once, here; each issue costs one MJML render per reader language and one for the web page,
 * whatever the number of readers and link variants: variants are fills of a language's one render.
 */
export const createMjmlRenderer = ({
  validationLevel = 'strict',
  languages = READER_LANGUAGES,
  nonce = () => randomBytes(16).toString('hex'),
  compile = compileMjml,
  ...identity
}: MjmlRendererOptions): EmailRenderer => {
  const templates = loadIssueTemplates();
  const page = async (issue: Issue, links: EmailLinks, target: Page): Promise<string> =>
    withMainLandmark(
      await compile(fillTemplate(templates, issueView(issue, links, identity, target)), validationLevel),
    );

  const email = async (issue: Issue, links: EmailLinks, language: Language): Promise<RenderedEmail> => {
    const markers = slotMarkers(nonce());
    const chrome = { language, mark: markers.mark };
    const extract = (rendered: string) => {
      try {
        return markers.extract(rendered);
      } catch (error) {
        if (!(error instanceof SlotMarkerError)) throw error;
        throw new EmailRenderError(`the ${language} email's slots: ${error.message}`, { cause: error });
      }
    };
    const html = extract(await page(issue, links, { target: 'email', ...chrome }));
    const text = extract(plainTextFor(issue, links, identity, chrome));
    requireFooter(html, 'HTML');
    requireFooter(text, 'text');
    return {
      language,
      subject: subjectFor(issue, identity.seriesName),
      html,
      text,
      ...(links.tracks ? { variants: variantFills(language, links.tracks, issue.tracks) } : {}),
    };
  };

  return {
    renderIssue: async (issue: Issue, links: EmailLinks): Promise<RenderedIssue> => {
      const emails: RenderedIssue['emails'] = {};
      // One after the other: MJML works synchronously, so nothing would run alongside anyway.
      for (const language of languages) emails[language] = await email(issue, links, language);
      return {
        language: issue.language,
        emails,
        webHtml: forBrowsers(await page(issue, links, { target: 'web' })),
      };
    },
  };
};
