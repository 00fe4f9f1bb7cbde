import type { RateLimits } from '../../ports/rate-limits.ts';

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** Fixed windows and cooldowns counted in maps, in whole seconds as the table's items are. */
export const memoryRateLimits = (): RateLimits => {
  const windows = new Map<string, number>();
  const cooldowns = new Map<string, number>();
  return {
    hit: async (key, { limit, windowSeconds }, now) => {
      const start = Math.floor(seconds(now) / windowSeconds) * windowSeconds;
      const end = start + windowSeconds;
      const window = `${key}#${start}`;
      const hits = (windows.get(window) ?? 0) + 1;
      windows.set(window, hits);
      return hits <= limit ? { ok: true } : { ok: false, retryAfterSeconds: Math.max(1, end - seconds(now)) };
    },

    cooldown: async (key, period, now) => {
      const until = cooldowns.get(key);
      if (until === undefined || until <= seconds(now)) {
        cooldowns.set(key, seconds(now) + period);
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, until - seconds(now)) };
    },
  };
};
