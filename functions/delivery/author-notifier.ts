import { authorMailRenderer } from '../../emails/author-mail.ts';
import { mailAuthorNotifier } from '../../shared/adapters/mail/author-notifier.ts';
import type { EmailAddress } from '../../shared/domain/email-address.ts';
import type { AuthorNotifier } from '../../shared/ports/author-notices.ts';
import type { ConnectedAccount } from '../../shared/domain/accounts/connected-account.ts';
import type { Logger } from '../../shared/ports/logger.ts';
import { isSocialNetwork } from '../../shared/domain/social/networks.ts';
import type { Mailer } from '../../shared/ports/mailer.ts';
import type { DeliveryConfig } from '../../shared/domain/settings/delivery.ts';

/**
 * The mails to the author, as every composition root that sends one builds them: in AUTHOR_LANGUAGE, dates in
 * TIME_ZONE, links to the studio under PUBLIC_BASE_URL, from the sender's address to AUTHOR_EMAIL.
 */
export const authorNotifier = (
  mailer: Mailer,
  config: Pick<
    DeliveryConfig,
    'SENDER_NAME' | 'SENDER_ADDRESS' | 'AUTHOR_EMAIL' | 'AUTHOR_LANGUAGE' | 'TIME_ZONE'
  >,
  publicBaseUrl: string,
): AuthorNotifier =>
  mailAuthorNotifier({
    mailer,
    from: { name: config.SENDER_NAME, address: config.SENDER_ADDRESS },
    to: config.AUTHOR_EMAIL as EmailAddress,
    render: authorMailRenderer({
      language: config.AUTHOR_LANGUAGE,
      timeZone: config.TIME_ZONE,
      publicBaseUrl,
    }),
  });

/**
 * A network turned "à reconnecter" (its token refused, or dead and not refreshable): her one mail about it.
 * A mail that fails is logged: the account's state says it in Réglages anyway.
 */
export const tellReconnect = async (
  author: AuthorNotifier,
  account: Pick<ConnectedAccount, 'provider' | 'label' | 'lastError'>,
  logger: Logger,
): Promise<void> => {
  const network = account.provider;
  // A music platform's account (next) gets its own mail.
  if (!isSocialNetwork(network)) return;
  try {
    await author.notify({ kind: 'account_to_reconnect', network, label: account.label });
  } catch (error) {
    logger.error('author notice failed', {
      notice: 'account_to_reconnect',
      network: account.provider,
      error,
    });
  }
};
