import type { EmailAddress } from '../../domain/email-address.ts';
import type { RateLimits } from '../../ports/rate-limits.ts';
import type { StudioAuthStore } from '../../ports/studio-auth.ts';
import { requestSignIn, secretHash, type SignInDeps } from './studio-sign-in.ts';

/** Per IP, a few tries in ten minutes; per address, one link a minute, whoever's address it is. */
export const STUDIO_SIGN_IN_LIMITS = { perIp: { limit: 10, windowSeconds: 600 }, addressSeconds: 60 };

export type SignInRequestPorts = SignInDeps & { rateLimits: RateLimits };

/**
 * A sign-in link asked for from `ip`: refused with the wait while either limit holds, else mailed if (and only
 * if) the address is the author's.
 */
export const askForSignIn = async (
  ports: SignInRequestPorts,
  address: EmailAddress | undefined,
  ip: string | undefined,
) => {
  const now = ports.clock.now();
  const byIp = await ports.rateLimits.hit(`studio-ip:${ip ?? 'unknown'}`, STUDIO_SIGN_IN_LIMITS.perIp, now);
  // Every address has its own cooldown, the author's or not, so a refusal says nothing about whose it is.
  const byAddress = byIp.ok
    ? await ports.rateLimits.cooldown(
        `studio-address:${secretHash(address ?? 'none')}`,
        STUDIO_SIGN_IN_LIMITS.addressSeconds,
        now,
      )
    : byIp;
  if (!byAddress.ok) return { ok: false as const, retryAfterSeconds: byAddress.retryAfterSeconds };
  const { sent } = await requestSignIn(address, ports);
  return { ok: true as const, sent };
};

/** The session of this cookie ended, on this device. */
export const signOut = async (
  ports: { auth: { endSession: StudioAuthStore['endSession'] } },
  cookie: string | undefined,
) => {
  if (cookie) await ports.auth.endSession(secretHash(cookie));
};
