/**
 * Sign-up limits. Per IP: a household or an office shares one, so a handful per ten minutes, not one.
 * Per address: one confirmation mail per ten minutes at most, so nobody can bomb a mailbox through us.
 */
export const SIGN_UP_LIMITS = {
  perIp: { limit: 20, windowSeconds: 600 },
  addressCooldownSeconds: 600,
} as const;
