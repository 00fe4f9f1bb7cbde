import Mustache from 'mustache';
import type { Language } from '../shared/domain/issue.ts';
import type { AuthorNotice } from '../shared/ports/author-notices.ts';
import { AUTHOR_STRINGS, authorFormat } from './author-format.ts';
import { studioLinks } from '../shared/domain/public-urls.ts';
import { authorText } from './author-text.ts';
import type { AuthorMailView } from './author-view.ts';
import { authorMailView } from './author-views.ts';
import { escapeHtml } from './escape-html.ts';
import { AUTHOR_NOTICE_TEMPLATE } from './generated/author-notice.ts';

export type AuthorMailSettings = {
  /** AUTHOR_LANGUAGE: what she reads. */
  language: Language;
  /** TIME_ZONE: her dates and times. */
  timeZone: string;
  /** PUBLIC_BASE_URL: where the studio is. */
  publicBaseUrl: string;
};

export type AuthorMail = { subject: string; html: string; text: string };

Mustache.parse(AUTHOR_NOTICE_TEMPLATE);

const escape = (value: unknown) => escapeHtml(String(value));

const html = (view: AuthorMailView, language: Language, footer: string, studioUrl: string, kicker: string) =>
  Mustache.render(
    AUTHOR_NOTICE_TEMPLATE,
    {
      ...view,
      lang: language,
      kicker,
      footer,
      studioUrl,
      hasFacts: view.facts.length > 0,
      hasLinks: view.links.length > 0,
      buttonUrl: view.button.url,
      buttonLabel: view.button.label,
    },
    {},
    { escape },
  );

/** Renders a notice to her mail: subject, HTML (the pre-compiled MJML layout) and text, in her language. */
export const authorMailRenderer = (settings: AuthorMailSettings) => {
  const strings = AUTHOR_STRINGS[settings.language];
  const format = authorFormat(strings, settings.timeZone);
  const links = studioLinks(settings.publicBaseUrl);
  return (notice: AuthorNotice): AuthorMail => {
    const view = authorMailView(notice, format, links);
    return {
      subject: `[Dimanche] ${view.subject}`,
      html: html(view, settings.language, strings.footer, links.home, strings.kicker),
      text: authorText(view, strings.footer, links.home),
    };
  };
};
