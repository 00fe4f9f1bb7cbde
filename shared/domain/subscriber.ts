import type { EmailAddress } from './email-address.ts';
import type { Language } from './issue.ts';

export type SubscriberId = `sub_${string}`;

/**
 * pending: signed up, not confirmed; nothing but the confirmation mail is ever sent to it.
 * confirmed: receives the Sunday issue unless paused.
 * unsubscribed: left; may sign up again (a new double opt-in).
 * suppressed: a hard bounce, a complaint or an erasure; never mailed again, whatever an import says.
 */
export type SubscriberStatus = 'pending' | 'confirmed' | 'unsubscribed' | 'suppressed';

export type SuppressionReason = 'hard_bounce' | 'complaint' | 'erased' | 'manual';

export type Consent = {
  at: string;
  ip?: string;
  userAgent?: string;
  /** Where the consent was given: the sign-up form, an import with its stated source… */
  source: string;
  textVersion: string;
};

export type Preferences = { platform?: string; paused: boolean };

/** What the sign-up request said, kept until the confirmation turns it into a Consent. */
export type SignUpRequest = { at: string; ip?: string; source: string; textVersion: string };

export type Subscriber = {
  id: SubscriberId;
  email: EmailAddress;
  name?: string;
  language: Language;
  status: SubscriberStatus;
  preferences: Preferences;
  consent?: Consent;
  signUp?: SignUpRequest;
  createdAt: string;
  updatedAt: string;
  confirmedAt?: string;
  unsubscribedAt?: string;
  softBounces?: number;
  /**
   * Bumped by every write: a change is written only over the version it was read at (optimistic concurrency),
   * so two people changing one reader at once cannot silently undo each other. Absent on records stored
   * before it existed, which count as version 0.
   */
  version?: number;
};

/**
 * What remains of a suppressed address: no address, no name, only the keyed hash (the id) and why.
 * An erased subscriber becomes this, so a later import of the same address is recognised and skipped.
 */
export type Suppression = {
  id: SubscriberId;
  status: 'suppressed';
  reason: SuppressionReason;
  suppressedAt: string;
};

/** Who gets the Sunday issue: confirmed and not paused. Suppressed records hold no address at all. */
export const receivesIssues = (subscriber: Subscriber | Suppression): subscriber is Subscriber =>
  subscriber.status === 'confirmed' && !(subscriber as Subscriber).preferences.paused;
