/**
 * Sign-up limits. Per IP: a household or an office shares one, so a handful per ten minutes, not one.
 * Per address: one confirmation mail per ten minutes at most, so nobody can bomb a mailbox through us.
 */
export const SIGN_UP_LIMITS = {
  perIp: { limit: 20, windowSeconds: 600 },
  addressCooldownSeconds: 600,
} as const;

/**
 * Data links (export, erasure) mailed from the preferences page: a few per reader an hour, so a forwarded
 * preferences link cannot flood the reader's mailbox; per IP, so one client cannot walk many links.
 */
export const DATA_LINK_LIMITS = {
  perSubscriber: { limit: 3, windowSeconds: 3600 },
  perIp: { limit: 20, windowSeconds: 3600 },
} as const;
