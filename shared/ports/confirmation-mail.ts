import type { Language } from '../domain/issue.ts';

export type ComposedMail = { subject: string; html: string; text: string };

/**
 * The double opt-in mail for one language, with the signed confirmation token filled in. It carries no
 * name or other text from the request: a list-bomber must not be able to put words in our mail.
 */
export type ConfirmationMail = (language: Language, confirmToken: string) => ComposedMail;
