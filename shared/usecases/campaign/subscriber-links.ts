import type { Personalisation } from '../../domain/rendered-email.ts';
import type { Subscriber } from '../../domain/subscriber.ts';
import type { LinkTokens } from '../../ports/link-tokens.ts';

/** A reader's own links: one-click unsubscribe (also the List-Unsubscribe URL) and preferences. */
export const subscriberLinks =
  ({ baseUrl, tokens }: { baseUrl: string; tokens: LinkTokens }) =>
  async (subscriber: Pick<Subscriber, 'id'>): Promise<Personalisation> => ({
    unsubscribeUrl: `${baseUrl}/u/${await tokens.sign({ purpose: 'unsubscribe', subscriberId: subscriber.id })}`,
    preferencesUrl: `${baseUrl}/preferences/${await tokens.sign({ purpose: 'preferences', subscriberId: subscriber.id })}`,
  });
