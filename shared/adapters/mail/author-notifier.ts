import type { EmailAddress } from '../../domain/email-address.ts';
import type { AuthorNotice, AuthorNotifier } from '../../ports/author-notices.ts';
import type { Mailer } from '../../ports/mailer.ts';

/** A notice as she reads it, from the mail renderer the composition root passes in (emails/author-mail.ts). */
export type RenderAuthorMail = (notice: AuthorNotice) => { subject: string; html: string; text: string };

/** A notice that could not be sent: the caller may try again later (the use cases say whether they do). */
export class AuthorNoticeError extends Error {
  override name = 'AuthorNoticeError';
}

/**
 * Notices to the author through the same mailer. A throttled notice is retried a few times (it competes with
 * the campaign for the send rate); one that still cannot be sent is an error, so the caller can try again later.
 */
export const mailAuthorNotifier = ({
  mailer,
  from,
  to,
  render,
  retries = 5,
  sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
}: {
  mailer: Mailer;
  from: { name: string; address: string };
  to: EmailAddress;
  render: RenderAuthorMail;
  retries?: number;
  sleep?: (ms: number) => Promise<void>;
}): AuthorNotifier => ({
  notify: async (notice) => {
    const { subject, html, text } = render(notice);
    const mail = { from, to: { address: to }, subject, text, html };
    for (let attempt = 0; ; attempt += 1) {
      const outcome = await mailer.send(mail);
      if (outcome.kind === 'sent') return;
      if (outcome.kind !== 'throttled' || attempt >= retries) {
        throw new AuthorNoticeError(
          `author notice ${notice.kind} not sent: ${outcome.kind} ${'detail' in outcome ? outcome.detail : ''}`,
        );
      }
      await sleep(200 * 2 ** attempt);
    }
  },
});
