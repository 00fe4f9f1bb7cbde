import type { SocialNetwork } from '../../domain/social/networks.ts';
import type { SocialPublisher } from '../../ports/social-publisher.ts';
import { SOCIAL_ADAPTERS } from './adapters.ts';
import type { PublishersOptions } from './network-adapter.ts';
import { publishersFrom } from './publishers-from.ts';
import type { SocialAccounts } from './social-accounts.ts';

export type CreatePublishersOptions = PublishersOptions<typeof SOCIAL_ADAPTERS>;

/** One publisher per configured account; a network without an account has none. */
export const createPublishers: (
  accounts: SocialAccounts,
  options?: CreatePublishersOptions,
) => Partial<Record<SocialNetwork, SocialPublisher>> = publishersFrom(SOCIAL_ADAPTERS);
