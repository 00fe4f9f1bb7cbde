/**
 * The credentials of each network's account, as the lead's config loader hands them over. Each carries the
 * base URL of its API (the real one on AWS, a fake on this machine) and, where the network's tokens expire,
 * when this one does (ISO 8601), so the worker stops before a call that cannot succeed.
 */
export type MastodonAccount = {
  /** The instance, e.g. https://piaille.fr. */
  baseUrl: string;
  /** A user token with `write:statuses` and `read:accounts`/`read:statuses`; it does not expire. */
  accessToken: string;
};

export type BlueskyAccount = {
  /** The PDS or entryway, e.g. https://bsky.social. */
  baseUrl: string;
  /** Handle or DID. */
  identifier: string;
  /** An app password: createSession with it is rate-limited, so sessions are refreshed, not recreated. */
  appPassword: string;
};

export type XAccount = {
  /** https://api.x.com */
  baseUrl: string;
  /** OAuth 2.0 user token (tweet.write, tweet.read, users.read). */
  accessToken: string;
  /** Builds the post's public URL. */
  username: string;
  expiresAt?: string;
};

export type LinkedInAccount = {
  /** https://api.linkedin.com */
  baseUrl: string;
  accessToken: string;
  /** urn:li:person:… or urn:li:organization:… */
  author: string;
  /** The `LinkedIn-Version` header, YYYYMM; LinkedIn answers 426 once it is retired. */
  version: string;
  expiresAt?: string;
};

export type FacebookAccount = {
  /** https://graph.facebook.com */
  baseUrl: string;
  pageId: string;
  /** A Page token with pages_manage_posts. */
  pageAccessToken: string;
  /** Graph API version, e.g. v21.0. */
  graphVersion: string;
  expiresAt?: string;
};

export type ThreadsAccount = {
  /** https://graph.threads.net */
  baseUrl: string;
  /** The Threads user id (or "me"). */
  userId: string;
  username: string;
  accessToken: string;
  expiresAt?: string;
};

/** Only the configured (enabled) networks are present. */
export type SocialAccounts = {
  mastodon?: MastodonAccount;
  bluesky?: BlueskyAccount;
  x?: XAccount;
  linkedin?: LinkedInAccount;
  facebook?: FacebookAccount;
  threads?: ThreadsAccount;
};

export const DEFAULT_BASE_URLS = {
  bluesky: 'https://bsky.social',
  x: 'https://api.x.com',
  linkedin: 'https://api.linkedin.com',
  facebook: 'https://graph.facebook.com',
  threads: 'https://graph.threads.net',
} as const;
