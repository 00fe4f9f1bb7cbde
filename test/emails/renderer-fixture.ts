import { createMjmlRenderer } from '../../emails/mjml-renderer.ts';
import { showSlots } from '../../shared/domain/email-slots.ts';
import type { Issue, Language } from '../../shared/domain/issue.ts';
import { emailIn, type RenderedEmail, type RenderedIssue } from '../../shared/domain/rendered-email.ts';
import type { EmailLinks } from '../../shared/ports/email-renderer.ts';

export const identity = {
  seriesName: 'Online Sunday Morning Sound',
  postalAddress: 'Online Sunday Morning Sound\n12 rue des Lilas, 75011 Paris',
  subscribeUrl: 'https://onlinesundaymorningsound.example.org/inscription',
};

export const links: EmailLinks = {
  archiveUrl: 'https://onlinesundaymorningsound.example.org/n/34-chambre-en-provence',
};

const renderer = createMjmlRenderer(identity);

/**
 * One reader language's email of a render as a person reads its source: each slot shown as `{{name}}`
 * (`{{unsubscribeUrl}}`, `{{t3.href}}`), with the render itself and the web page.
 */
export type ReadableRender = {
  subject: string;
  html: string;
  text: string;
  webHtml: string;
  email: RenderedEmail;
  rendered: RenderedIssue;
};

export const readable = (rendered: RenderedIssue, language = rendered.language): ReadableRender => {
  const email = emailIn(rendered, language);
  return {
    subject: email.subject,
    html: showSlots(email.html),
    text: showSlots(email.text),
    webHtml: rendered.webHtml,
    email,
    rendered,
  };
};

/** The issue rendered, read in the issue's own language unless `language` says which reader's. */
export const render = async (issue: Issue, language?: Language): Promise<ReadableRender> =>
  readable(await renderer.renderIssue(issue, links), language);

/** Where each needle first occurs after the previous one, or -1 from the first one missing onwards. */
export const positionsInOrder = (haystack: string, needles: readonly string[]): number[] => {
  let from = 0;
  return needles.map((needle) => {
    const at = from < 0 ? -1 : haystack.indexOf(needle, from);
    from = at < 0 ? -1 : at + needle.length;
    return at;
  });
};
