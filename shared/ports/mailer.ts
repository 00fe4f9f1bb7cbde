import type { EmailAddress } from '../domain/email-address.ts';

export type OutgoingMail = {
  from: { name: string; address: string };
  to: { name?: string; address: EmailAddress };
  subject: string;
  html: string | Uint8Array;
  text: string | Uint8Array;
  /** The https one-click unsubscribe URL (RFC 8058): List-Unsubscribe plus List-Unsubscribe-Post. */
  listUnsubscribeUrl?: string;
  /** RFC 2919 list identifier, e.g. `Online Sunday Morning Sound <sunday.newsletter.example.com>`. */
  listId?: string;
  /** Tags the provider reports back with its events (campaign, subscriber): no personal data. */
  tags?: Record<string, string>;
};

/**
 * What happened to one send. Only `sent` and `rejected` are final; `unknown` means the request may have
 * reached the provider (a timeout, a dropped connection, a 5xx): it must not be sent again blindly.
 */
export type SendOutcome =
  | { kind: 'sent'; messageId: string }
  | { kind: 'throttled'; detail: string }
  | { kind: 'quota_exceeded'; detail: string }
  | { kind: 'rejected'; detail: string }
  | { kind: 'unknown'; detail: string };

export type Mailer = { send: (mail: OutgoingMail) => Promise<SendOutcome> };
