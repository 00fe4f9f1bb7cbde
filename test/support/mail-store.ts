import { inject } from 'vitest';

/** A mail as the SES stand-in keeps it (raw mail: from, to, subject, html, text). */
export type StoredMail = {
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
};

/** The SES stand-in is shared by every test file: tests filter by their own, unique recipients. */
export const sentMails = async (): Promise<StoredMail[]> => {
  const response = await fetch(`${inject('sesUrl')}/store`);
  const { emails } = (await response.json()) as { emails: StoredMail[] };
  return emails;
};

export const mailsTo = async (address: string) =>
  (await sentMails()).filter((mail) => mail.destination.to.some((to) => to.includes(address)));
