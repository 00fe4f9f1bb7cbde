import { hmacSubscriberIds } from './hmac-subscriber-ids.ts';
import { jwsLinkTokens } from './jws-link-tokens.ts';
import type { SubscriberIds } from '../../ports/keyed-hash.ts';
import type { LinkTokens } from '../../ports/link-tokens.ts';
import type { AppSecrets, SecretsSource } from '../../ports/secrets.ts';

export type SubscriberKeys = { ids: SubscriberIds; tokens: LinkTokens };

/**
 * Id hashing and link signing, built from the secrets on first use (on AWS that is the first request that
 * needs them, not the cold start) and again only when the source hands out a new secrets object (rotation).
 */
export const subscriberKeys = (secrets: SecretsSource, now?: () => Date) => {
  const built = new WeakMap<AppSecrets, SubscriberKeys>();
  return async (): Promise<SubscriberKeys> => {
    const current = await secrets();
    let keys = built.get(current);
    if (!keys) {
      keys = {
        ids: hmacSubscriberIds(current.subscriberIdKey),
        tokens: jwsLinkTokens(current.linkKeys, now),
      };
      built.set(current, keys);
    }
    return keys;
  };
};
