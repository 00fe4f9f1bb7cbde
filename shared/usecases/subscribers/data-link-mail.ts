import type { Language } from '../../domain/issue.ts';
import type { DataLinkPurpose } from '../../ports/data-links.ts';
import type { DataLinkMail } from './data-link.ts';

const STRINGS: Record<
  Language,
  Record<DataLinkPurpose, { subject: string; action: string }> & { body: string; ignore: string }
> = {
  fr: {
    export: { subject: 'Votre lien pour télécharger vos données', action: 'Télécharger mes données' },
    erase: { subject: 'Votre lien pour effacer vos données', action: 'Effacer mes données' },
    body: 'Vous avez demandé ce lien depuis la page de vos préférences. Il est valable 15\u00a0minutes et ne sert qu’une fois\u00a0:',
    ignore: 'Si vous n’avez rien demandé, ignorez ce message\u00a0: rien ne change sans ce lien.',
  },
  en: {
    export: { subject: 'Your link to download your data', action: 'Download my data' },
    erase: { subject: 'Your link to erase your data', action: 'Erase my data' },
    body: 'You asked for this link from your preferences page. It is valid for 15 minutes and works once:',
    ignore: 'If you did not ask for it, ignore this message: nothing changes without this link.',
  },
};

/** A short, plain mail in the reader's language: what the link does, how long it lasts, what to do if unasked. */
export const dataLinkMail =
  (seriesName: string): DataLinkMail =>
  (language, purpose, link) => {
    const s = STRINGS[language];
    const { subject, action } = s[purpose];
    return {
      subject: `${subject} – ${seriesName}`,
      text: `${s.body}\n\n${link}\n\n${s.ignore}\n`,
      // Plain escaped text, no template engine: the API function keeps MJML's folder (emails/) out of its bundle.
      html: `<!doctype html>
        <html lang="${escapeHtml(language)}">
          <body>
            <p>${escapeHtml(s.body)}</p>
            <p><a href="${escapeHtml(link)}">${escapeHtml(action)}</a></p>
            <p>${escapeHtml(s.ignore)}</p>
          </body>
        </html>`,
    };
  };

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

const escapeHtml = (text: string): string => text.replace(/[&<>'"]/g, (char) => ESCAPES[char] ?? char);
