import type { Personalisation } from '../../domain/rendered-email.ts';
import type { Subscriber } from '../../domain/subscriber.ts';
import type { LinkTokens } from '../../ports/link-tokens.ts';
import { publicUrls } from '../../domain/public-urls.ts';

/** A reader's own links: one-click unsubscribe (also the List-Unsubscribe URL) and preferences. */
export const subscriberLinks =
  ({ baseUrl, tokens }: { baseUrl: string; tokens: LinkTokens }) =>
  async (subscriber: Pick<Subscriber, 'id'>): Promise<Personalisation> => {
    const urls = publicUrls(baseUrl);
    return {
      unsubscribeUrl: urls.unsubscribe(
        await tokens.sign({ purpose: 'unsubscribe', subscriberId: subscriber.id }),
      ),
      preferencesUrl: urls.preferences(
        await tokens.sign({ purpose: 'preferences', subscriberId: subscriber.id }),
      ),
    };
  };
