import type { SocialNetwork } from '../../domain/social/networks.ts';
import { blueskyAdapter } from './bluesky/adapter.ts';
import { facebookAdapter } from './facebook/adapter.ts';
import { linkedInAdapter } from './linkedin/adapter.ts';
import { mastodonAdapter } from './mastodon/adapter.ts';
import type { SomeAdapter } from './network-adapter.ts';
import { threadsAdapter } from './threads/adapter.ts';
import { xAdapter } from './x/adapter.ts';

/**
 * Each network of the registry (shared/domain/social/registry.ts) with its adapter folder: the type makes a
 * row of the registry without one here, or one here without a row, fail to compile.
 */
export const SOCIAL_ADAPTERS = {
  mastodon: mastodonAdapter,
  bluesky: blueskyAdapter,
  x: xAdapter,
  linkedin: linkedInAdapter,
  facebook: facebookAdapter,
  threads: threadsAdapter,
} satisfies Record<SocialNetwork, SomeAdapter>;
