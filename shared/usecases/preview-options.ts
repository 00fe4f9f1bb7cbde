import type { Language } from '../domain/issue.ts';
import { LINK_VARIANTS, type LinkVariant } from '../domain/platforms.ts';
import type { FieldError } from '../domain/field-error.ts';
import { READER_LANGUAGES } from '../domain/reader-languages.ts';

export type PreviewOptions = { variant: LinkVariant; language: Language | undefined };

/**
 * Whom a preview or a test mail is for: absent platform is the universal mail, absent language the issue's own;
 * anything else must be a platform or a reader language, the error naming where it came from.
 */
export const parsePreviewOptions = (
  raw: { platform?: unknown; language?: unknown },
  pointers: { platform: string; language: string },
): { ok: true; value: PreviewOptions } | { ok: false; errors: FieldError[] } => {
  const variant = oneOf(raw.platform, LINK_VARIANTS);
  if (variant === null)
    return { ok: false, errors: [{ pointer: pointers.platform, detail: mustBe(LINK_VARIANTS) }] };
  const language = oneOf(raw.language, READER_LANGUAGES);
  if (language === null)
    return { ok: false, errors: [{ pointer: pointers.language, detail: mustBe(READER_LANGUAGES) }] };
  return { ok: true, value: { variant: variant ?? 'universal', language } };
};

/** undefined when absent, null when not one of the values. */
const oneOf = <T extends string>(raw: unknown, values: readonly T[]): T | undefined | null => {
  if (raw === undefined || raw === '') return undefined;
  return typeof raw === 'string' && (values as readonly string[]).includes(raw) ? (raw as T) : null;
};

const mustBe = (values: readonly string[]) => `must be one of ${values.join(', ')}`;
