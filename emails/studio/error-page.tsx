import type { Language } from '../../shared/domain/issue.ts';
import { errorStrings } from '../../shared/i18n/studio/error-strings.ts';
import { ButtonLink } from './ui/button-link.tsx';
import { document, Page } from './ui/layout.tsx';
import { Alert } from './ui/notes.tsx';

/** A studio error as she reads it: what happened, the lines to fix, and the reference she can quote. */
export type ShownError = {
  status: number;
  title: string;
  detail: string;
  lines: readonly string[];
  reference?: string;
  /** Where to go from here, when it is not the week (a failed "Connecter" goes back to Réglages). */
  back?: { href: string; label: string };
};

/** The error page; with no CSRF token (an error before the session is read) the layout has no navigation. */
export const errorPage = (language: Language, page: ShownError, csrf: string | undefined) => {
  const t = errorStrings(language);
  return document(
    <Page language={language} title={page.title} nav={undefined} {...(csrf ? { csrf } : {})}>
      <Alert>{page.detail}</Alert>
      {page.lines.length ? (
        <ul class="problems">
          {page.lines.map((line) => (
            <li>{line}</li>
          ))}
        </ul>
      ) : null}
      {page.reference ? (
        <p>
          {t.reference} : <code class="reference">{page.reference}</code>
        </p>
      ) : null}
      <p>
        <ButtonLink secondary href={page.back?.href ?? '/studio'}>
          {page.back?.label ?? t.home}
        </ButtonLink>
      </p>
    </Page>,
  );
};
