import type { SignInLink, StudioAuthStore, StudioSession } from '../../ports/studio-auth.ts';
import { DuplicateItemError } from './duplicate-item.ts';
import { singleUseLinks } from './single-use.ts';

/** Sign-in links (each used once) and sessions, by the hash of their secret. */
export const memoryStudioAuth = (): StudioAuthStore => {
  const links = singleUseLinks<SignInLink>('sign-in link');
  const sessions = new Map<string, StudioSession>();
  return {
    saveLink: async (link) => links.save(link),
    consumeLink: async (hash, now) => links.consume(hash, now),
    saveSession: async (session) => {
      if (sessions.has(session.hash)) throw new DuplicateItemError(`session ${session.hash} exists already`);
      sessions.set(session.hash, structuredClone(session));
    },
    getSession: async (hash) => {
      const session = sessions.get(hash);
      return session ? structuredClone(session) : undefined;
    },
    endSession: async (hash) => {
      sessions.delete(hash);
    },
  };
};
