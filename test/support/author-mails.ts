import { type AuthorMail, type AuthorMailSettings, authorMailRenderer } from '../../emails/author-mail.ts';
import type { AuthorNotice, AuthorNotifier } from '../../shared/ports/author-notices.ts';

export const TEST_STUDIO_BASE = 'https://dimanche.example.org';

/**
 * The author's notices as she gets them: each rendered by the real mail renderer (French unless told), kept
 * with the notice it came from.
 */
export const recordAuthorMails = (settings: Partial<AuthorMailSettings> = {}) => {
  const render = authorMailRenderer({
    language: 'fr',
    timeZone: 'Europe/Paris',
    publicBaseUrl: TEST_STUDIO_BASE,
    ...settings,
  });
  const mails: (AuthorMail & { notice: AuthorNotice })[] = [];
  const author: AuthorNotifier = { notify: async (notice) => void mails.push({ notice, ...render(notice) }) };
  return { mails, author };
};
