export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Counters shared by every instance of the API (kept in the table, not in memory: each Lambda instance
 * would otherwise count alone). Keys name what is limited (`ip:…`, `address:sub_…`), never an address.
 */
export type RateLimits = {
  /** Counts one hit in the current fixed window; refused once the window holds more than `limit`. */
  hit: (key: string, rule: { limit: number; windowSeconds: number }, now: Date) => Promise<RateDecision>;
  /** Claims `key` for `seconds`; refused while an earlier claim runs. At most one success per period. */
  cooldown: (key: string, seconds: number, now: Date) => Promise<RateDecision>;
};
