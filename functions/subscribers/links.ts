import type { SubscriberId } from '../../shared/domain/subscriber.ts';
import type { LinkTokens } from '../../shared/ports/link-tokens.ts';

/** The signed links a page or a mail gives one subscriber (unsubscribe and preferences never expire). */
export const subscriberLinks = async (baseUrl: string, tokens: LinkTokens, subscriberId: SubscriberId) => {
  const [unsubscribe, preferences, data] = await Promise.all(
    (['unsubscribe', 'preferences', 'export'] as const).map((purpose) =>
      tokens.sign({ purpose, subscriberId }),
    ),
  );
  return {
    unsubscribeUrl: `${baseUrl}/u/${unsubscribe}`,
    preferencesUrl: `${baseUrl}/preferences/${preferences}`,
    exportUrl: `${baseUrl}/export/${data}`,
  };
};
