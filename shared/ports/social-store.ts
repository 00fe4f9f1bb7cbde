import type { IssueId } from '../domain/issue.ts';
import type { SocialNetwork } from '../domain/social/networks.ts';
import type { SocialAccountBlock, SocialAttempt } from '../domain/social/social-attempt.ts';

/**
 * One record per (issue, network) and one block per refused account. Every attempt write is conditional on
 * the version the writer read (0: none yet), so two workers holding the same message cannot both call.
 */
export type SocialStore = {
  get: (issueId: IssueId, network: SocialNetwork) => Promise<SocialAttempt | undefined>;
  list: (issueId: IssueId) => Promise<SocialAttempt[]>;
  /** Writes `attempt` (whose version is the one read + 1); false when someone else wrote first. */
  save: (attempt: SocialAttempt) => Promise<boolean>;
  block: (block: SocialAccountBlock) => Promise<boolean>;
  blockOf: (network: SocialNetwork) => Promise<SocialAccountBlock | undefined>;
};
