import { DuplicateItemError } from './duplicate-item.ts';

/**
 * Single-use links by the hash of their secret, valid while `now` (ISO) is before their end: each is taken
 * once, by one caller. The studio's sign-in links and the readers' data links share it.
 */
export const singleUseLinks = <T extends { hash: string; expiresAt: string }>(what: string) => {
  const links = new Map<string, { link: T; usedAt?: string }>();
  const usable = (hash: string, now: string) => {
    const found = links.get(hash);
    return found && found.usedAt === undefined && found.link.expiresAt > now ? found : undefined;
  };
  return {
    save: (link: T) => {
      if (links.has(link.hash)) throw new DuplicateItemError(`${what} ${link.hash} exists already`);
      links.set(link.hash, { link: structuredClone(link) });
    },
    peek: (hash: string, now: string) => {
      const found = usable(hash, now);
      return found ? structuredClone(found.link) : undefined;
    },
    consume: (hash: string, now: string) => {
      const found = usable(hash, now);
      if (!found) return undefined;
      found.usedAt = now;
      return structuredClone(found.link);
    },
  };
};
