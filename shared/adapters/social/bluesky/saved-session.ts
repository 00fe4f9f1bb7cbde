import type { AtpSessionData } from '@atproto/api';
import type { ConnectedAccountStore } from '../../../ports/connected-account-store.ts';
import type { TokenSealer } from '../../../ports/token-sealer.ts';
import type { BlueskySessionHooks } from './session.ts';

export class BlueskySessionNotSavedError extends Error {
  override name = 'BlueskySessionNotSavedError';
}

/** Writes that lost to another writer before this one gives up: each loss means the account just changed. */
const ATTEMPTS = 5;

/**
 * The publisher's session hooks on her connected account: the AtpAgent session (its refresh JWT rotates at each
 * refresh) is kept sealed beside the app password, so a new process resumes it with one refresh instead of a
 * createSession, which the PDS counts (tens a day). Each save is a conditional write on the account's version,
 * like every token rotation; a session of another account than the one connected now is never kept.
 *
 * @example
 * const bluesky = blueskyPublisher(account, { ...savedBlueskySession({ accounts, sealer }) });
 */
export const savedBlueskySession = (
  { accounts, sealer }: { accounts: Pick<ConnectedAccountStore, 'get' | 'put'>; sealer: TokenSealer },
  network = 'bluesky',
): Required<Pick<BlueskySessionHooks, 'loadSession' | 'saveSession'>> => ({
  loadSession: async () => {
    const account = await accounts.get(network);
    if (account?.state !== 'connected' || !account.sealedSession) return undefined;
    return JSON.parse(await sealer.open(account.sealedSession)) as AtpSessionData;
  },
  saveSession: async (session) => {
    const sealed = session && (await sealer.seal(JSON.stringify(session)));
    for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
      const account = await accounts.get(network);
      if (!account) return;
      const identifier = account.profile?.identifier;
      if (session && identifier !== session.handle && identifier !== session.did) return;
      const { sealedSession: _replaced, ...rest } = account;
      const next = { ...rest, ...(sealed ? { sealedSession: sealed } : {}), version: account.version + 1 };
      if (await accounts.put(next, account.version)) return;
    }
    throw new BlueskySessionNotSavedError(
      `${network}: the account changed ${ATTEMPTS} times during the save`,
    );
  },
});
