import type { FeedPollState, FeedPollStore } from '../../ports/feed-poll.ts';
import { stored } from './stored.ts';

/** One state per feed address, replaced by each poll. */
export const memoryFeedPollStore = (): FeedPollStore => {
  const states = new Map<string, FeedPollState>();
  return {
    get: async (url) => {
      const state = states.get(url);
      return state ? stored(state) : undefined;
    },
    put: async (state) => {
      states.set(state.url, stored(state));
    },
  };
};
