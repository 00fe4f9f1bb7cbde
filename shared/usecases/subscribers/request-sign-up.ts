import type { SubscriberId } from '../../domain/subscriber.ts';
import type { RateDecision, RateLimits } from '../../ports/rate-limits.ts';
import { SIGN_UP_LIMITS } from './limits.ts';
import { type SignUpDeps, type SignUpInput, type SignUpOutcome, signUp } from './sign-up.ts';
import type { SignUpFields } from './sign-up-fields.ts';

export type SignUpRequestDeps = {
  rateLimits: RateLimits;
  /** Built on first use: the keys behind the ids and tokens come from the secrets. */
  signUp: () => Promise<SignUpDeps>;
};

export type SignUpRequestOutcome =
  | { kind: 'too_many'; decision: RateDecision & { ok: false } }
  | { kind: 'bot' }
  | { kind: 'done'; subscriberId: SubscriberId; outcome: SignUpOutcome };

/**
 * A sign-up from the form, within its limits: per client address first (a bot is counted too), then per
 * mailbox (one confirmation mail per cooldown). A filled honeypot is answered as a success and does nothing.
 */
export const requestSignUp = async (
  fields: SignUpFields,
  request: { language: SignUpInput['language']; ip: string | undefined; now: Date },
  deps: SignUpRequestDeps,
): Promise<SignUpRequestOutcome> => {
  const { ip, now } = request;
  const perIp = await deps.rateLimits.hit(`signup-ip:${ip ?? 'unknown'}`, SIGN_UP_LIMITS.perIp, now);
  if (!perIp.ok) return { kind: 'too_many', decision: perIp };
  if (fields.bot) return { kind: 'bot' };
  const useCase = await deps.signUp();
  const subscriberId = useCase.ids.idFor(fields.email);
  const perAddress = await deps.rateLimits.cooldown(
    `signup-address:${subscriberId}`,
    SIGN_UP_LIMITS.addressCooldownSeconds,
    now,
  );
  if (!perAddress.ok) return { kind: 'too_many', decision: perAddress };
  const outcome = await signUp(
    {
      email: fields.email,
      ...(fields.name ? { name: fields.name } : {}),
      language: request.language,
      textVersion: fields.textVersion,
      source: fields.source,
      ...(ip ? { ip } : {}),
    },
    useCase,
  );
  return { kind: 'done', subscriberId, outcome };
};
