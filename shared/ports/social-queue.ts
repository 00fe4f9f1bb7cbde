import type { IssueId } from '../domain/issue.ts';
import type { SocialNetwork } from '../domain/social/networks.ts';

export type SocialMessage = { issueId: IssueId; network: SocialNetwork };

/**
 * One message per (issue, network) for the social worker. A message may arrive twice (a dispatch resumed
 * after a crash queues it again): the worker records its attempt per (issue, network) before posting.
 */
export type SocialQueue = {
  /** `delaySeconds`: a post waiting for a rate limit's reset comes back as a new, delayed message. */
  enqueue: (message: SocialMessage, options?: { delaySeconds?: number }) => Promise<void>;
};
