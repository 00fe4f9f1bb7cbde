import type { EmailAddress } from '../domain/email-address.ts';
import type { SubscriberId } from '../domain/subscriber.ts';

/**
 * Subscriber ids are a keyed hash of the normalised address: one address, one record, found with one key
 * lookup and created with one conditional write; and a suppression keeps no address, only this id.
 */
export type SubscriberIds = { idFor: (email: EmailAddress) => SubscriberId };
