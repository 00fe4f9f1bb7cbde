import type { EmailAddress } from '../domain/email-address.ts';

/**
 * One mail to send. Its bodies are the caller's until `send` returns: a sender writes the next reader's over
 * them then (see `reusedBodyBuffer`), so a mailer that keeps a mail keeps `keptCopy(mail)`.
 */
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
 * A mail whose bodies outlive the send that gave them: copied, where they are bytes (a new Uint8Array from
 * them; a Buffer's own `slice` would share their memory).
 */
export const keptCopy = (mail: OutgoingMail): OutgoingMail => ({
  ...mail,
  html: typeof mail.html === 'string' ? mail.html : new Uint8Array(mail.html),
  text: typeof mail.text === 'string' ? mail.text : new Uint8Array(mail.text),
});

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
