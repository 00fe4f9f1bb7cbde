import mjml2html from 'mjml';
import { EmailRenderError } from './email-render-error.ts';

export type ValidationLevel = 'strict' | 'soft';

const problemsOf = (error: unknown): string[] => {
  const errors: unknown =
    typeof error === 'object' && error !== null ? Reflect.get(error, 'errors') : undefined;
  if (!Array.isArray(errors)) return [];
  return errors.map((problem: unknown) => {
    const message: unknown =
      typeof problem === 'object' && problem !== null && Reflect.get(problem, 'formattedMessage');
    return typeof message === 'string' ? message : String(problem);
  });
};

/**
 * MJML to HTML. MJML's own ValidationError (strict level) and anything else it throws become an
 * EmailRenderError listing the problems, so callers catch one named error.
 */
export const compileMjml = async (mjml: string, validationLevel: ValidationLevel): Promise<string> => {
  try {
    const { html } = await mjml2html(mjml, {
      validationLevel,
      // Authors' and templates' HTML comments have no business in an inbox; MJML's Outlook conditionals stay.
      keepComments: false,
      // Templates are self-contained; an mj-include slipped into content must never read the filesystem.
      ignoreIncludes: true,
      // The templates use system fonts only; no request to a font host from readers' inboxes.
      fonts: {},
      // `minify` is broken on Node 20 (a cssnano version clash); `beautify` would rewrite our markup.
      minify: false,
      beautify: false,
    });
    return html;
  } catch (error) {
    const problems = problemsOf(error);
    const detail = problems.length > 0 ? `:\n${problems.join('\n')}` : `: ${String(error)}`;
    throw new EmailRenderError(`MJML could not render the issue${detail}`, { cause: error, problems });
  }
};
