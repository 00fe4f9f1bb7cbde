import type { IssueId } from '../domain/issue.ts';

/**
 * Work for the music worker, off the webhook's path.
 * resolve: one track URL of an issue (the worker checks the cache first: a message may come twice); `attempt`
 * counts the resolver's failures so far, carried by the delayed copy that retries it.
 * check: the link health of an issue; `eve` without an issue is the Saturday run, for the coming Sunday's issue.
 */
export type MusicMessage =
  | { kind: 'resolve'; issueId: IssueId; url: string; attempt?: number }
  | { kind: 'check'; issueId: IssueId; reason: 'ingest' | 'eve' }
  | { kind: 'check'; reason: 'eve' };

export type MusicQueue = {
  /** `delaySeconds`: a resolve waiting for the rate limit comes back as a new, delayed message. */
  enqueue: (message: MusicMessage, options?: { delaySeconds?: number }) => Promise<void>;
};
