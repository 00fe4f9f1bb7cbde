import { html } from 'hono/html';
import type { Language } from '../../shared/domain/issue.ts';
import { layout } from './layout.ts';

/**
 * What a reader's browser gets for an archive address that leads nowhere (an unknown issue, a list page that
 * does not exist): the public layout, in their language, with the way back to the list.
 */
export const archiveErrorPage = (
  language: Language,
  page: { title: string; message: string; back: { label: string; href: string } },
) =>
  layout(
    language,
    page.title,
    html`<h1>${page.title}</h1>
      <p>${page.message}</p>
      <p><a href="${page.back.href}">${page.back.label}</a></p>`,
  );
