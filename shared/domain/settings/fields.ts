import * as v from 'valibot';

// The shapes a setting can take, each spelled once; a message always names the variable.

// A missing key would otherwise be reported as an "invalid key": default it to '' and say "required".
export const required = (name: string) =>
  v.pipe(v.optional(v.string(`${name} must be a string`), ''), v.minLength(1, `${name} is required`));

export const url = (name: string) => v.pipe(v.string(), v.url(`${name} must be a URL`));

export const requiredUrl = (name: string) => v.pipe(required(name), v.url(`${name} must be a URL`));

/** A URL that must be reached over http(s), not merely parse (`file:` or `javascript:` would). */
export const httpUrl = (name: string) =>
  v.pipe(
    url(name),
    v.check((value) => /^https?:\/\//.test(value), `${name} must be an http(s) URL`),
  );

const wholeNumberIn = (name: string, min: number, max: number) =>
  v.pipe(
    v.string(),
    v.transform(Number),
    v.integer(`${name} must be a whole number`),
    v.minValue(min, `${name} must be at least ${min}`),
    v.maxValue(max, `${name} must be at most ${max}`),
  );

/** A whole-number variable within bounds (none above by default), with its default. */
export const wholeNumber = (name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER) =>
  v.optional(wholeNumberIn(name, min, max), String(fallback));

/** A whole number the deployment must set, at least 1. */
export const requiredCount = (name: string) =>
  v.pipe(required(name), wholeNumberIn(name, 1, Number.MAX_SAFE_INTEGER));

/** A rate or a duration: any number above zero, fractions allowed. */
export const positive = (name: string, fallback: string) =>
  v.optional(
    v.pipe(
      v.string(),
      v.transform(Number),
      v.check((n) => Number.isFinite(n) && n > 0, `${name} must be a positive number`),
    ),
    fallback,
  );

/** Comma-separated secrets (trimmed, blanks dropped): at least one. */
export const secretList = (name: string) =>
  v.pipe(
    required(name),
    v.transform((value) =>
      value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
    v.minLength(1, `${name} needs at least one value`),
  );
