import type { SocialNetwork } from '../domain/social/networks.ts';
import type { ComposedPost } from '../domain/social/social-post.ts';

export type PublishedPost = { postId: string; postUrl: string };

/**
 * What happened to one publish call. `published` and `duplicate` are final successes; `rejected` and
 * `needs_reconnect` are final failures (never retried); `rate_limited` and `not_sent` may be retried safely
 * (nothing reached the network); `unknown` means the post may exist (timeout, 5xx after sending): never
 * publish again without reconciling first.
 */
export type PublishOutcome =
  | ({ kind: 'published' } & PublishedPost)
  | { kind: 'duplicate'; detail: string; post?: PublishedPost }
  | { kind: 'rate_limited'; retryAt: Date; detail: string }
  | { kind: 'needs_reconnect'; detail: string }
  | { kind: 'rejected'; detail: string }
  | { kind: 'not_sent'; detail: string }
  | { kind: 'unknown'; detail: string };

export type PublishRequest = {
  post: ComposedPost;
  /** Stable per (issue, network): Mastodon's Idempotency-Key, Bluesky's record key. */
  idempotencyKey: string;
};

export type SocialPublisher = {
  network: SocialNetwork;
  /** True where a repeat with the same `idempotencyKey` cannot make a second post. */
  idempotent: boolean;
  publish: (request: PublishRequest) => Promise<PublishOutcome>;
  /**
   * Reconciliation after an unknown outcome: our post among the account's recent ones, found by its URL.
   * `undefined` only once the posts were read; when they cannot be, it throws (SocialLookupError).
   */
  findRecent: (url: string) => Promise<PublishedPost | undefined>;
};
