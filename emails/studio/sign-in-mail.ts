import type { Language } from '../../shared/domain/issue.ts';
import { studioStrings } from '../../shared/i18n/studio/studio-strings.ts';
import { escapeHtml } from '../escape-html.ts';

/** The mail that carries her sign-in link: the link in the text part, a button in the HTML one. */
export const signInMail = (language: Language) => {
  const t = studioStrings(language).signIn;
  return (link: string) => ({
    subject: t.mailSubject,
    text: t.mailText(link),
    html: `<p>${escapeHtml(t.mailText('')).replaceAll('\n', '<br>')}</p><p><a href="${escapeHtml(link)}">${escapeHtml(t.mailButton)}</a></p>`,
  });
};
