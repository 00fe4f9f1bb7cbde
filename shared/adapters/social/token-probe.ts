import type { SocialTokenFacts } from '../../domain/deliverability/account-facts.ts';
import type { SocialPublisher } from '../../ports/social-publisher.ts';

// A URL no post links to: the lookup reads the account's recent posts, with its token, and finds nothing.
const NOWHERE = 'https://dimanche.invalid/deliverability-check';

/**
 * Each enabled network's token, tried with the publisher's own authenticated read (its recent posts): the
 * cheapest call each network has that a refused or expired token fails. A network with no account fails.
 */
export const socialTokenProbe =
  (publishers: Partial<Record<string, SocialPublisher>>, networks: readonly string[]) =>
  async (): Promise<SocialTokenFacts[]> =>
    Promise.all(
      networks.map(async (network): Promise<SocialTokenFacts> => {
        const publisher = publishers[network];
        if (!publisher) return { network, ok: false, detail: 'no account in the social accounts secret' };
        try {
          await publisher.findRecent(NOWHERE);
          return { network, ok: true, detail: '' };
        } catch (error) {
          return { network, ok: false, detail: error instanceof Error ? error.message : String(error) };
        }
      }),
    );
