import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { HttpProblem } from '../http/problem.ts';
import type { Language } from '../../shared/domain/issue.ts';
import { type ErrorStrings, errorStrings, megabytes } from '../../shared/i18n/studio/error-strings.ts';
import { errorPage, type ShownError } from '../../emails/studio/error-page.tsx';
import { errorReference } from '../../shared/domain/studio/error-reference.ts';
import type { StudioEnv } from './session.ts';
import type { StudioDeps } from './studio-deps.ts';
import { StudioProblem } from './studio-problem.ts';

const render = (c: Context<StudioEnv>, language: Language, page: ShownError) =>
  // The error may come before the session is read (a body too large): then no navigation, no sign-out.
  c.html(errorPage(language, page, c.get('session')?.csrfToken), page.status as ContentfulStatusCode);

/** What a refusal from a shared edge (an HttpProblem, in English for the API) means to her, in her words. */
const fromProblem = (error: HttpProblem, t: ErrorStrings): ShownError => {
  const { status, type, errors = [], maxBytes } = error.problem;
  const field = (pointer: string) => t.field(pointer.replace(/^\//, '').replace(/^_csrf$/, 'formulaire'));
  if (status === 403 && type.endsWith('/csrf-token'))
    return { status, title: t.expiredTitle, detail: t.expired, lines: [] };
  if (status === 404) return { status, title: t.notFoundTitle, detail: t.notFound, lines: [] };
  if (status === 413) {
    return { status, title: t.tooLargeTitle, detail: t.tooLarge(megabytes(maxBytes)), lines: [] };
  }
  if (status === 422)
    return { status, title: t.invalidTitle, detail: t.invalid, lines: errors.map((e) => field(e.pointer)) };
  return { status, title: t.refusedTitle, detail: t.refused, lines: [] };
};

/**
 * Every studio error as a page in the studio layout, in AUTHOR_LANGUAGE: never problem+json in her browser (the
 * admin API keeps it). A bug answers 500 with a reference that is logged with the error, so she can quote it.
 */
export const studioErrors = (deps: StudioDeps): ErrorHandler<StudioEnv> => {
  // Read once, as the pages do: an error path touches nothing else of the deps but the logger.
  const { language } = deps.studio;
  const t = errorStrings(language);
  return (error, c) => {
    if (error instanceof StudioProblem)
      return render(c, language, {
        status: error.status,
        title: error.title,
        detail: error.detail,
        lines: error.lines,
      });
    if (error instanceof HttpProblem) return render(c, language, fromProblem(error, t));
    if (error instanceof HTTPException && error.status < 500)
      return render(c, language, {
        status: error.status,
        title: t.refusedTitle,
        detail: t.refused,
        lines: [],
      });
    const reference = errorReference();
    deps.logger.error('studio error', { reference, error, method: c.req.method, path: c.req.path });
    return render(c, language, {
      status: 500,
      title: t.errorTitle,
      detail: t.error(reference),
      lines: [],
      reference,
    });
  };
};

/** An unknown studio address, once signed in: the same page as a missing issue or reader. */
export const studioNotFound = (c: Context<StudioEnv>, language: Language) => {
  const t = errorStrings(language);
  return render(c, language, { status: 404, title: t.notFoundTitle, detail: t.notFound, lines: [] });
};
