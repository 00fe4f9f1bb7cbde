import type { EmailAddress } from '../../domain/email-address.ts';
import type { Language } from '../../domain/issue.ts';
import type { Subscriber } from '../../domain/subscriber.ts';
import type { Clock } from '../../ports/clock.ts';
import type { SubscriberIds } from '../../ports/keyed-hash.ts';
import type { SendOutcome } from '../../ports/mailer.ts';
import type { SubscriberStore } from '../../ports/subscriber-store.ts';
import { findSubscriber } from './find-subscriber.ts';
import { type ConfirmationDeps, sendConfirmation } from './send-confirmation.ts';

export type SignUpInput = {
  email: EmailAddress;
  name?: string;
  language: Language;
  textVersion: string;
  /** Which form or page the request came from ("form", "blog-sidebar"…). */
  source: string;
  ip?: string;
};

export type SignUpDeps = ConfirmationDeps & { store: SubscriberStore; ids: SubscriberIds; clock: Clock };

/**
 * What happened, for logs and tests only: the HTTP answer must be the same for every outcome, or the
 * form would tell anyone who is subscribed.
 */
export type SignUpOutcome =
  | { kind: 'confirmation_sent'; subscriber: Subscriber; send: SendOutcome }
  | { kind: 'already_confirmed' | 'suppressed' | 'lost_race' };

/**
 * A new or returning address becomes pending and gets one confirmation mail; a confirmed or suppressed one
 * gets nothing. An erased address may opt in again this way (the mail goes only to its owner); a bounce or a
 * complaint may not.
 */
export const signUp = async (input: SignUpInput, deps: SignUpDeps): Promise<SignUpOutcome> => {
  // A record stored under an older spelling of this mailbox is the same reader: found and reused.
  const { id, record: existing } = await findSubscriber(input.email, deps);
  const now = deps.clock.now().toISOString();
  if (existing?.status === 'confirmed') return { kind: 'already_confirmed' };
  if (existing && 'reason' in existing && existing.reason !== 'erased') return { kind: 'suppressed' };

  const pending: Subscriber = {
    id,
    email: input.email,
    ...(input.name ? { name: input.name } : {}),
    language: input.language,
    status: 'pending',
    preferences: existing && 'preferences' in existing ? existing.preferences : { paused: false },
    signUp: {
      at: now,
      ...(input.ip ? { ip: input.ip } : {}),
      source: input.source,
      textVersion: input.textVersion,
    },
    createdAt: existing && 'createdAt' in existing ? existing.createdAt : now,
    updatedAt: now,
    ...(existing && 'version' in existing ? { version: existing.version } : {}),
  };
  const written = existing
    ? await deps.store.replace(pending, existing.status)
    : await deps.store.create(pending);
  if (!written) return { kind: 'lost_race' };
  return { kind: 'confirmation_sent', subscriber: pending, send: await sendConfirmation(pending, deps) };
};
