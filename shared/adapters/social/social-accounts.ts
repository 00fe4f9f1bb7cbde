import type { SOCIAL_ADAPTERS } from './adapters.ts';
import type { AccountsOf } from './network-adapter.ts';

/**
 * The credentials of each network's account, as the lead's config loader hands them over. Each carries the
 * base URL of its API (the real one on AWS, a fake on this machine) and, where the network's tokens expire,
 * when this one does (ISO 8601), so the worker stops before a call that cannot succeed. Each network's own
 * type and schema live in its folder (<id>/account.ts).
 */
export type { BlueskyAccount } from './bluesky/account.ts';
export type { FacebookAccount } from './facebook/account.ts';
export type { LinkedInAccount } from './linkedin/account.ts';
export type { MastodonAccount } from './mastodon/account.ts';
export type { ThreadsAccount } from './threads/account.ts';
export type { XAccount } from './x/account.ts';

/** Only the configured (enabled) networks are present. */
export type SocialAccounts = AccountsOf<typeof SOCIAL_ADAPTERS>;
