import type { IssueId } from '../domain/issue.ts';

export type SocialMessage = { issueId: IssueId; network: string };

/**
 * One message per (issue, network) for the social worker. A message may arrive twice (a dispatch resumed
 * after a crash queues it again): the worker records its attempt per (issue, network) before posting.
 */
export type SocialQueue = { enqueue: (message: SocialMessage) => Promise<void> };
