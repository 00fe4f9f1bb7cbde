import * as v from 'valibot';
import { PLATFORMS } from '../../domain/platforms.ts';
import type { PreferenceChange } from './preferences.ts';
import type { FieldError } from '../../domain/field-error.ts';

const schema = v.object({
  language: v.picklist(['fr', 'en'], 'must be fr or en'),
  platform: v.optional(
    v.union([v.literal(''), v.picklist(PLATFORMS)], `must be empty or one of ${PLATFORMS.join(', ')}`),
    '',
  ),
  delivery: v.picklist(['active', 'paused'], 'must be active or paused'),
});

/** The preferences form (or the same fields as JSON). */
export const parsePreferenceFields = (
  raw: Record<string, unknown>,
): { ok: true; change: PreferenceChange } | { ok: false; errors: FieldError[] } => {
  const parsed = v.safeParse(schema, raw);
  if (!parsed.success)
    return {
      ok: false,
      errors: parsed.issues.map((issue) => ({
        pointer: `/${v.getDotPath(issue) ?? ''}`,
        detail: issue.message,
      })),
    };
  const { language, platform, delivery } = parsed.output;
  return { ok: true, change: { language, ...(platform ? { platform } : {}), paused: delivery === 'paused' } };
};
