import * as v from 'valibot';
import { hasForbiddenControl } from '../../domain/control-characters.ts';
import { type EmailAddress, normaliseEmail } from '../../domain/email-address.ts';
import type { Language } from '../../domain/issue.ts';
import type { FieldError } from '../../domain/field-error.ts';
import { CONSENT_TEXT_VERSION } from '../../i18n/public/page-strings.ts';

// One line each: the name reaches mail headers later (To: display name). Checked before trimming, so a
// control character at an end is refused too, not hidden.
const oneLine = (max: number) =>
  v.pipe(
    v.string('must be text'),
    v.check((text) => !hasForbiddenControl(text), 'must be one line, without control characters'),
    v.trim(),
    v.maxLength(max, `must be at most ${max} characters`),
  );

const signUpSchema = v.object({
  email: v.pipe(
    v.string('is required'),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const email = normaliseEmail(dataset.value);
      if (email) return email;
      addIssue({ message: 'must be a valid email address' });
      return NEVER;
    }),
  ),
  name: v.optional(oneLine(100)),
  language: v.optional(
    v.union([v.literal(''), v.picklist(['fr', 'en'], 'must be fr or en')], 'must be fr or en'),
  ),
  consentTextVersion: v.optional(
    v.pipe(oneLine(40), v.minLength(1, 'must not be empty')),
    CONSENT_TEXT_VERSION,
  ),
  source: v.optional(
    v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1 to 40 of a-z, 0-9 and -')),
    'form',
  ),
  website: v.optional(v.string(), ''),
});

export type SignUpFields = {
  email: EmailAddress;
  name?: string;
  language?: Language;
  textVersion: string;
  source: string;
  /** The honeypot was filled: a bot. */
  bot: boolean;
};

/** Form field names are snake_case, JSON's camelCase; the problem names the JSON pointer either way. */
export const parseSignUpFields = (
  raw: Record<string, unknown>,
): { ok: true; fields: SignUpFields } | { ok: false; errors: FieldError[] } => {
  const input = { ...raw, consentTextVersion: raw.consentTextVersion ?? raw.consent_text_version };
  delete (input as Record<string, unknown>).consent_text_version;
  const parsed = v.safeParse(signUpSchema, input);
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.issues.map((issue) => ({
        pointer: `/${v.getDotPath(issue)?.replaceAll('.', '/') ?? ''}`,
        detail: issue.message,
      })),
    };
  const { email, name, language, consentTextVersion, source, website } = parsed.output;
  return {
    ok: true,
    fields: {
      email,
      ...(name ? { name } : {}),
      ...(language ? { language } : {}),
      textVersion: consentTextVersion,
      source,
      bot: website.trim() !== '',
    },
  };
};
