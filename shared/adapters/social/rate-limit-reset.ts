/** When a rate limit resets, read from the headers each network sends. Undefined when absent or garbled. */

/** X (`x-rate-limit-reset`) and Bluesky (`ratelimit-reset`): Unix epoch seconds. */
export const fromEpochSeconds = (value: string | null | undefined): Date | undefined => {
  const seconds = Number(value ?? Number.NaN);
  return value && Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : undefined;
};

/** Mastodon (`X-RateLimit-Reset`): an ISO 8601 timestamp. */
export const fromTimestamp = (value: string | null | undefined): Date | undefined => {
  const at = Date.parse(value ?? '');
  return Number.isNaN(at) ? undefined : new Date(at);
};

/** RFC 9110 §10.2.3 `Retry-After`: delay-seconds or an HTTP-date. */
export const fromRetryAfter = (value: string | null | undefined, now: Date): Date | undefined => {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return new Date(now.getTime() + Number(value) * 1000);
  return fromTimestamp(value);
};

/** The latest of the resets that apply: waiting for an earlier one would only meet the later limit. */
export const latest = (...dates: (Date | undefined)[]): Date | undefined =>
  dates
    .filter((date): date is Date => date !== undefined)
    .reduce<Date | undefined>((max, date) => (max && max >= date ? max : date), undefined);

/** Never ask to retry in the past: a reset already gone means "now, plus a moment". */
export const notBefore = (date: Date | undefined, now: Date, fallbackMs: number): Date =>
  date && date.getTime() > now.getTime() ? date : new Date(now.getTime() + (date ? 1000 : fallbackMs));
