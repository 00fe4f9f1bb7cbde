import type { IssueId } from '../../domain/issue.ts';
import type { SocialNetwork } from '../../domain/social/networks.ts';
import type { SocialAccountBlock, SocialAttempt } from '../../domain/social/social-attempt.ts';
import type { SocialStore } from '../../ports/social-store.ts';
import { stored } from './stored.ts';

const attemptKey = (issueId: IssueId, network: SocialNetwork) => `${issueId}\u0000${network}`;

/** One attempt per (issue, network), each written only over the version its writer read. */
export const memorySocialStore = (): SocialStore => {
  const attempts = new Map<string, SocialAttempt>();
  const blocks = new Map<SocialNetwork, SocialAccountBlock>();
  return {
    get: async (issueId, network) => {
      const attempt = attempts.get(attemptKey(issueId, network));
      return attempt ? stored(attempt) : undefined;
    },

    // In network order, as the table's sort key has them.
    list: async (issueId) =>
      [...attempts.values()]
        .filter((attempt) => attempt.issueId === issueId)
        .sort((a, b) => (a.network < b.network ? -1 : a.network > b.network ? 1 : 0))
        .map(stored),

    save: async (attempt) => {
      const key = attemptKey(attempt.issueId, attempt.network);
      const current = attempts.get(key);
      const fresh = attempt.version === 1 ? current === undefined : current?.version === attempt.version - 1;
      if (fresh) attempts.set(key, stored(attempt));
      return fresh;
    },

    block: async (block) => {
      if (blocks.get(block.network)?.credentials === block.credentials) return false;
      blocks.set(block.network, stored(block));
      return true;
    },

    blockOf: async (network) => {
      const block = blocks.get(network);
      return block ? stored(block) : undefined;
    },
  };
};
