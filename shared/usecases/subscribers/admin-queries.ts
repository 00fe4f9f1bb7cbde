import * as v from 'valibot';
import type { FieldError } from '../../domain/field-error.ts';

const STATUSES = ['pending', 'confirmed', 'unsubscribed', 'suppressed'] as const;

const listQuery = v.object({
  status: v.optional(v.picklist(STATUSES, `must be one of ${STATUSES.join(', ')}`), 'confirmed'),
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d+$/, 'must be a whole number'),
      v.transform(Number),
      v.minValue(1, 'must be at least 1'),
      v.maxValue(1000, 'must be at most 1000'),
    ),
    '100',
  ),
  cursor: v.optional(v.string()),
  email: v.optional(v.string()),
});

const exportQuery = v.object({
  status: v.optional(
    v.picklist(['pending', 'confirmed', 'unsubscribed'], 'must be pending, confirmed or unsubscribed'),
    'confirmed',
  ),
});

const importQuery = v.variant(
  'mode',
  [
    v.object({
      mode: v.literal('consented'),
      source: v.pipe(
        v.string('is required when mode is consented'),
        v.trim(),
        v.minLength(1, 'is required when mode is consented'),
        v.maxLength(200, 'must be at most 200 characters'),
      ),
    }),
    v.object({
      mode: v.literal('confirm'),
      source: v.optional(
        v.pipe(v.string(), v.trim(), v.maxLength(200, 'must be at most 200 characters')),
        'admin import',
      ),
    }),
  ],
  'must be consented or confirm',
);

type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const parseWith =
  <S extends v.GenericSchema>(schema: S) =>
  (query: Record<string, string>): Parsed<v.InferOutput<S>> => {
    const parsed = v.safeParse(schema, query);
    return parsed.success
      ? { ok: true, value: parsed.output }
      : {
          ok: false,
          errors: parsed.issues.map((i) => ({ pointer: `/${v.getDotPath(i) ?? 'mode'}`, detail: i.message })),
        };
  };

/** Query parameters of the admin subscriber API, validated at the edge; the problem names the parameter. */
export const parseListQuery = parseWith(listQuery);
export const parseExportQuery = parseWith(exportQuery);
export const parseImportQuery = parseWith(importQuery);
