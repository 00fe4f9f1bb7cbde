import type { SubscriberId } from '../domain/subscriber.ts';

/** What a signed link lets its holder do, for one subscriber. */
export type LinkPurpose = 'confirm' | 'unsubscribe' | 'preferences' | 'export';

export type LinkClaims = { purpose: LinkPurpose; subscriberId: SubscriberId };

export type VerifiedLink =
  { ok: true; claims: LinkClaims } | { ok: false; error: 'invalid' | 'expired' | 'wrong_purpose' };

/**
 * Signed, unguessable links for the mails. Keys carry an id so a new key can sign while old links still verify.
 * Unsubscribe and preference links do not expire (a mail from last year must still let its reader leave);
 * a confirmation link does.
 */
export type LinkTokens = {
  sign: (claims: LinkClaims, options?: { expiresInSeconds?: number }) => Promise<string>;
  verify: (token: string, purpose: LinkPurpose) => Promise<VerifiedLink>;
};
