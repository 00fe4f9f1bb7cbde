import type { DataLink, DataLinkStore } from '../../ports/data-links.ts';
import { singleUseLinks } from './single-use.ts';

/** Data links by the hash of their secret, each used once. */
export const memoryDataLinks = (): DataLinkStore => {
  const links = singleUseLinks<DataLink>('data link');
  return {
    save: async (link) => links.save(link),
    peek: async (hash, now) => links.peek(hash, now),
    consume: async (hash, now) => links.consume(hash, now),
  };
};
