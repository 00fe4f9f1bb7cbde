import * as v from 'valibot';

/** A whole-number variable within bounds (none above by default), with its default. */
export const wholeNumberEnv = (name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER) =>
  v.optional(
    v.pipe(
      v.string(),
      v.transform(Number),
      v.integer(`${name} must be a whole number`),
      v.minValue(min, `${name} must be at least ${min}`),
      v.maxValue(max, `${name} must be at most ${max}`),
    ),
    String(fallback),
  );
