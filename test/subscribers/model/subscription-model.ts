import type { Language } from '../../../shared/domain/issue.ts';
import type { SubscriberStatus } from '../../../shared/domain/subscriber.ts';
import { sameMailbox } from './same-mailbox.ts';

/** What the model knows of one mailbox's record. */
export type ModelRecord =
  | { status: Exclude<SubscriberStatus, 'suppressed'>; language: Language; paused: boolean }
  | { status: 'suppressed' };

/** A confirmation link as a mail carried it, and when it was signed. */
export type MailedLink = { mailbox: string; path: string; signedAt: number };

export type SubscriptionModel = {
  /** Model time, in ms since the epoch; the app's clock is set to it. */
  now: number;
  /** Every spelling of each mailbox the run may type: [mailbox][variant]. */
  addresses: string[][];
  records: Map<string, ModelRecord>;
  /** Per mailbox: until when (s) the sign-up form refuses it another mail. */
  cooldownUntil: Map<string, number>;
  /** Per mailbox: the confirmation mails it must have received so far. */
  mails: Map<string, number>;
  links: MailedLink[];
};

export const CONFIRM_LINK_MS = 7 * 24 * 3600 * 1000;
export const COOLDOWN_SECONDS = 600;

export const mailboxOf = (m: SubscriptionModel, index: number, variant = 0) => {
  const spellings = m.addresses[index % m.addresses.length] ?? [];
  const address = spellings[variant % spellings.length] ?? '';
  return { address, mailbox: sameMailbox(address) };
};

export const expectMail = (m: SubscriptionModel, mailbox: string) =>
  m.mails.set(mailbox, (m.mails.get(mailbox) ?? 0) + 1);

export const countsOf = (m: SubscriptionModel): Record<SubscriberStatus, number> => {
  const counts = { pending: 0, confirmed: 0, unsubscribed: 0, suppressed: 0 };
  for (const record of m.records.values()) counts[record.status] += 1;
  return counts;
};

/** The sign-up rule: a new, pending, unsubscribed or erased mailbox becomes pending and gets one mail. */
export const signUpInModel = (m: SubscriptionModel, mailbox: string, language: Language): boolean => {
  const seconds = Math.floor(m.now / 1000);
  const until = m.cooldownUntil.get(mailbox);
  if (until !== undefined && until > seconds) return false;
  m.cooldownUntil.set(mailbox, seconds + COOLDOWN_SECONDS);
  const current = m.records.get(mailbox);
  if (current?.status === 'confirmed') return true;
  const paused = current && current.status !== 'suppressed' ? current.paused : false;
  m.records.set(mailbox, { status: 'pending', language, paused });
  expectMail(m, mailbox);
  return true;
};
