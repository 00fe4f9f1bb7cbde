import type { EmailAddress } from '../../domain/email-address.ts';
import type { FeedTrouble } from '../../ports/feed-poll.ts';
import type { Mailer } from '../../ports/mailer.ts';

const escapeHtml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

const WORDS = {
  fr: {
    subject: 'Votre blog ne répond plus',
    lines: ({ url, failures, detail }: FeedTrouble) => [
      `Depuis ${failures} relevés de suite (un toutes les 15 minutes), votre flux ne se lit pas :`,
      `  ${url}`,
      `  (${detail})`,
      '',
      'Tant qu’il ne répond pas, vos nouveaux articles n’arrivent pas dans la lettre. Rien n’est perdu :',
      'dès qu’il répond de nouveau, les articles parus entre-temps sont repris.',
      'Si votre blog a changé d’adresse, donnez la nouvelle adresse de son flux (FEED_URL).',
    ],
  },
  en: {
    subject: 'Your blog is not answering',
    lines: ({ url, failures, detail }: FeedTrouble) => [
      `Your feed could not be read ${failures} times in a row (once every 15 minutes):`,
      `  ${url}`,
      `  (${detail})`,
      '',
      'While it does not answer, new posts do not reach the newsletter. Nothing is lost: once it answers',
      'again, the posts published meanwhile are taken in.',
      'If your blog moved, give the new address of its feed (FEED_URL).',
    ],
  },
} as const;

/** The one mail she gets when her feed cannot be read three polls in a row, in her language. */
export const feedTroubleMail =
  (options: {
    mailer: Mailer;
    from: { name: string; address: string };
    to: EmailAddress;
    language: 'fr' | 'en';
  }) =>
  async (trouble: FeedTrouble): Promise<void> => {
    const words = WORDS[options.language];
    const text = words.lines(trouble).join('\n');
    const outcome = await options.mailer.send({
      from: options.from,
      to: { address: options.to },
      subject: `[Dimanche] ${words.subject}`,
      text,
      html: `<pre>${escapeHtml(text)}</pre>`,
    });
    if (outcome.kind !== 'sent') {
      throw new Error(`feed warning not sent: ${outcome.kind} ${'detail' in outcome ? outcome.detail : ''}`);
    }
  };
