import type { FieldError } from '../../domain/field-error.ts';
import { parsePost } from '../../domain/posts/parse-post.ts';
import { type ImportDeps, type ImportOutcome, importBackIssue } from '../import-back-issue.ts';

export type BackPostOutcome =
  | { ok: false; error: 'invalid'; errors: FieldError[] }
  /** sundayField: where the post's date was, to name it if the date is refused. */
  | (ImportOutcome & { sundayField: string });

/**
 * One past post (a WordPress REST post or our own shape) through the intake mapping, then into the archive as
 * an issue already sent. A back issue needs its date: it cannot take the next free Sunday as a new one does.
 */
export const importBackPost = async (body: unknown, deps: ImportDeps): Promise<BackPostOutcome> => {
  const parsed = parsePost(body, { now: deps.clock.now(), timeZone: deps.timeZone });
  if (!parsed.ok) return { ok: false, error: 'invalid', errors: parsed.errors };
  const { sunday } = parsed.content;
  if (!sunday)
    return {
      ok: false,
      error: 'invalid',
      errors: [{ pointer: parsed.sundayField, detail: 'a back issue needs its date' }],
    };
  const result = await importBackIssue({ ...parsed.content, sunday }, deps);
  return { ...result, sundayField: parsed.sundayField };
};
