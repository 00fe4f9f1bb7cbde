import type { EmailAddress } from '../../domain/email-address.ts';
import type { AuthorNotifier } from '../../ports/author-notices.ts';
import type { Mailer } from '../../ports/mailer.ts';

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * Notices to the author as plain mail through the same mailer. A throttled notice is retried a few times
 * (it competes with the campaign for the send rate); one that still cannot be sent is an error, so the caller
 * can try again later.
 */
export const mailAuthorNotifier = ({
  mailer,
  from,
  to,
  retries = 5,
  sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
}: {
  mailer: Mailer;
  from: { name: string; address: string };
  to: EmailAddress;
  retries?: number;
  sleep?: (ms: number) => Promise<void>;
}): AuthorNotifier => ({
  notify: async ({ subject, text }) => {
    const mail = {
      from,
      to: { address: to },
      subject: `[Dimanche] ${subject}`,
      text,
      html: `<pre>${escapeHtml(text)}</pre>`,
    };
    for (let attempt = 0; ; attempt += 1) {
      const outcome = await mailer.send(mail);
      if (outcome.kind === 'sent') return;
      if (outcome.kind !== 'throttled' || attempt >= retries) {
        throw new Error(
          `author notice "${subject}" not sent: ${outcome.kind} ${'detail' in outcome ? outcome.detail : ''}`,
        );
      }
      await sleep(200 * 2 ** attempt);
    }
  },
});
