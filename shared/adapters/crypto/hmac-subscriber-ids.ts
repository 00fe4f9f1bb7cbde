import { createHmac } from 'node:crypto';
import type { EmailAddress } from '../../domain/email-address.ts';
import type { SubscriberId } from '../../domain/subscriber.ts';
import type { SubscriberIds } from '../../ports/keyed-hash.ts';
import { MisconfiguredError } from '../../domain/misconfigured.ts';

/** HMAC-SHA256 with a secret key: without the key an id cannot be computed from an address, nor reversed. */
export const hmacSubscriberIds = (key: string): SubscriberIds => {
  if (key.length < 32) throw new MisconfiguredError('the subscriber id key must be at least 32 characters');
  return {
    idFor: (email: EmailAddress): SubscriberId =>
      `sub_${createHmac('sha256', key).update(email).digest('base64url').slice(0, 32)}`,
  };
};
