import type { SocialNetwork } from './networks.ts';

/** Each network's name as the network itself writes it (its brand), in every language. */
export const NETWORK_NAMES: Record<SocialNetwork, string> = {
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  x: 'X',
  linkedin: 'LinkedIn',
  facebook: 'Facebook',
  threads: 'Threads',
};
