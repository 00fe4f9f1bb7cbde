import type { RateDecision, RateLimits } from '../../ports/rate-limits.ts';
import { DATA_LINK_LIMITS } from './limits.ts';

/** Whether one more data link may be mailed: per reader, then per client address (see DATA_LINK_LIMITS). */
export const dataLinkAllowed = async (
  subscriberId: string,
  ip: string | undefined,
  deps: { rateLimits: RateLimits; now: Date },
): Promise<RateDecision> => {
  for (const [key, rule] of [
    [`data-link:${subscriberId}`, DATA_LINK_LIMITS.perSubscriber],
    [`data-link-ip:${ip ?? 'unknown'}`, DATA_LINK_LIMITS.perIp],
  ] as const) {
    const decision = await deps.rateLimits.hit(key, rule, deps.now);
    if (!decision.ok) return decision;
  }
  return { ok: true };
};
