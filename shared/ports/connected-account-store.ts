import type { ConnectedAccount } from '../domain/accounts/connected-account.ts';

/** A sign-in under way: what the callback needs to finish it, kept until it is used once or expires. */
export type PendingConnect = { state: string; provider: string; codeVerifier: string; validUntil: string };

export type ConnectedAccountStore = {
  get: (provider: string) => Promise<ConnectedAccount | undefined>;
  list: () => Promise<ConnectedAccount[]>;
  /**
   * One conditional write: succeeds only when the stored version is still `expected` (undefined: none stored).
   * false: someone else wrote first; read again.
   */
  put: (account: ConnectedAccount, expected: number | undefined) => Promise<boolean>;
  /** Forgets the account, only if it is still at `expected`. */
  remove: (provider: string, expected: number) => Promise<boolean>;
  savePending: (pending: PendingConnect) => Promise<void>;
  /** The pending sign-in for this state, used once: undefined when unknown, used already, or past `now`. */
  takePending: (state: string, now: string) => Promise<PendingConnect | undefined>;
};
