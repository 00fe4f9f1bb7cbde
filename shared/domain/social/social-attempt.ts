import type { IssueId } from '../issue.ts';
import type { SocialNetwork } from './networks.ts';

/**
 * Where one issue's announcement on one network stands.
 * - `calling`: a publish call is (or was, if its lease ran out) in flight: its outcome must be reconciled.
 * - `waiting`: nothing reached the network (rate limit, refused connection): safe to try again from `notBefore`.
 * - `uncertain`: the call may have posted (timeout, 5xx after sending): reconcile before anything else.
 * The rest are final: `published`, `duplicate` (the network says it is already there), `unconfirmed` (an
 * uncertain post not found and not safely repeatable: the author checks), `failed`, `needs_reconnect`, `skipped`.
 */
export type SocialAttemptState =
  | 'calling'
  | 'waiting'
  | 'uncertain'
  | 'published'
  | 'duplicate'
  | 'unconfirmed'
  | 'failed'
  | 'needs_reconnect'
  | 'skipped';

export const FINAL_SOCIAL_STATES: readonly SocialAttemptState[] = [
  'published',
  'duplicate',
  'unconfirmed',
  'failed',
  'needs_reconnect',
  'skipped',
];

export type SocialAttempt = {
  issueId: IssueId;
  network: SocialNetwork;
  state: SocialAttemptState;
  /** Publish calls made so far. */
  attempts: number;
  /** Bumped by every write: each write is conditional on the version it read. */
  version: number;
  updatedAt: string;
  leaseUntil?: string;
  notBefore?: string;
  postUrl?: string;
  postId?: string;
  detail?: string;
};

export const isFinalSocialState = (state: SocialAttemptState) => FINAL_SOCIAL_STATES.includes(state);

/** An account whose token the network refused: nothing is posted with it until its credentials change. */
export type SocialAccountBlock = {
  network: SocialNetwork;
  /** Fingerprint of the credentials that were refused: new credentials lift the block by themselves. */
  credentials: string;
  reason: string;
  since: string;
};
