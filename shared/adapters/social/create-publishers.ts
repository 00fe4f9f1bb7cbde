import type { SocialNetwork } from '../../domain/social/networks.ts';
import type { SocialPublisher } from '../../ports/social-publisher.ts';
import { blueskyPublisher } from './bluesky-publisher.ts';
import type { OutboundFetch } from '../../ports/outbound-fetch.ts';
import type { BlueskySessionHooks } from './bluesky-session.ts';
import { facebookPublisher } from './facebook-publisher.ts';
import { linkedInPublisher } from './linkedin-publisher.ts';
import { mastodonPublisher } from './mastodon-publisher.ts';
import type { PublisherOptions } from './publish-http.ts';
import type { SocialAccounts } from './social-accounts.ts';
import { type ThreadsContainers, threadsPublisher } from './threads-publisher.ts';
import { xPublisher } from './x-publisher.ts';

export type CreatePublishersOptions = PublisherOptions & {
  bluesky?: BlueskySessionHooks & { thumbs?: OutboundFetch };
  threads?: { containers?: ThreadsContainers };
};

/** One publisher per configured account; a network without an account has none. */
export const createPublishers = (
  accounts: SocialAccounts,
  { bluesky = {}, threads = {}, ...options }: CreatePublishersOptions = {},
): Partial<Record<SocialNetwork, SocialPublisher>> => {
  const publishers: Partial<Record<SocialNetwork, SocialPublisher>> = {};
  if (accounts.mastodon) publishers.mastodon = mastodonPublisher(accounts.mastodon, options);
  if (accounts.bluesky) publishers.bluesky = blueskyPublisher(accounts.bluesky, { ...options, ...bluesky });
  if (accounts.x) publishers.x = xPublisher(accounts.x, options);
  if (accounts.linkedin) publishers.linkedin = linkedInPublisher(accounts.linkedin, options);
  if (accounts.facebook) publishers.facebook = facebookPublisher(accounts.facebook, options);
  if (accounts.threads) publishers.threads = threadsPublisher(accounts.threads, { ...options, ...threads });
  return publishers;
};
