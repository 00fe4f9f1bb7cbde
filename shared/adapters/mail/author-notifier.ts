import type { EmailAddress } from '../../domain/email-address.ts';
import type { AuthorNotifier } from '../../ports/author-notices.ts';
import type { Mailer } from '../../ports/mailer.ts';

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** Notices to the author as plain mail through the same mailer; a notice that cannot be sent is an error. */
export const mailAuthorNotifier = ({
  mailer,
  from,
  to,
}: {
  mailer: Mailer;
  from: { name: string; address: string };
  to: EmailAddress;
}): AuthorNotifier => ({
  notify: async ({ subject, text }) => {
    const outcome = await mailer.send({
      from,
      to: { address: to },
      subject: `[Dimanche] ${subject}`,
      text,
      html: `<pre>${escapeHtml(text)}</pre>`,
    });
    if (outcome.kind !== 'sent')
      throw new Error(
        `author notice "${subject}" not sent: ${outcome.kind} ${'detail' in outcome ? outcome.detail : ''}`,
      );
  },
});
