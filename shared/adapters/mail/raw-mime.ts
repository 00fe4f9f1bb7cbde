import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutgoingMail } from '../../ports/mailer.ts';

const asContent = (body: string | Uint8Array) =>
  typeof body === 'string' ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);

/**
 * The message as bytes, built by nodemailer's MailComposer: RFC 2047 subject and display names,
 * multipart/alternative text then HTML (the last part is the preferred one), and the list headers
 * Gmail and Yahoo require of bulk senders (RFC 8058 one-click unsubscribe, RFC 2919 List-Id).
 */
export const buildRawMime = async (mail: OutgoingMail): Promise<Buffer> => {
  const headers: Record<string, string> = {};
  if (mail.listUnsubscribeUrl) {
    headers['List-Unsubscribe'] = `<${mail.listUnsubscribeUrl}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  if (mail.listId) headers['List-Id'] = mail.listId;
  const composer = new MailComposer({
    from: { name: mail.from.name, address: mail.from.address },
    to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
    subject: mail.subject,
    text: asContent(mail.text),
    html: asContent(mail.html),
    headers,
    textEncoding: 'quoted-printable',
  });
  return composer.compile().build();
};
