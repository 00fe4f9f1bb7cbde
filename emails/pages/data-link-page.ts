import { html } from 'hono/html';
import type { Language } from '../../shared/domain/issue.ts';
import type { DataLinkPurpose } from '../../shared/ports/data-links.ts';
import { layout } from './layout.ts';
import { PAGE_STRINGS } from '../../shared/i18n/public/page-strings.ts';

/**
 * What a mailed data link opens: one button, posted to the same address. Opening the link does nothing by
 * itself, so a mail scanner that follows links cannot use up (or trigger) the single use.
 */
export const dataLinkPage = (language: Language, purpose: DataLinkPurpose, action: string) => {
  const s = PAGE_STRINGS[language];
  const [title, intro, button] =
    purpose === 'export'
      ? [s.exportTitle, s.exportIntro, s.exportButton]
      : [s.eraseTitle, s.eraseHint, s.eraseButton];
  return layout(
    language,
    title,
    html`<h1>${title}</h1>
      <p>${intro}</p>
      <form method="post" action="${action}">
        <button type="submit">${button}</button>
      </form>`,
  );
};
