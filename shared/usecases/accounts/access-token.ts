import {
  type ConnectedAccount,
  expired,
  pending,
  REFRESH_LEASE_MS,
  refreshDue,
} from '../../domain/accounts/connected-account.ts';
import type { OAuthProvider, TokenSet } from '../../domain/accounts/oauth-provider.ts';
import type { Clock } from '../../ports/clock.ts';
import type { ConnectedAccountStore } from '../../ports/connected-account-store.ts';
import type { OAuthClient } from '../../ports/oauth-client.ts';
import type { TokenSealer } from '../../ports/token-sealer.ts';

export type AccessDeps = {
  oauth: OAuthClient;
  accounts: ConnectedAccountStore;
  sealer: TokenSealer;
  clock: Clock;
  /** Tells her, once per break, that a network must be reconnected (a French mail with the link). */
  reconnectNeeded: (account: ConnectedAccount) => Promise<void>;
};

export type AccessResult =
  | { ok: true; accessToken: string; refreshed: boolean }
  | {
      ok: false;
      /** `busy`: another caller is refreshing it right now and the old token is dead: ask again shortly. */
      error: 'not_connected' | 'to_reconnect' | 'busy' | 'unavailable';
    };

const open = async (account: ConnectedAccount, sealer: TokenSealer): Promise<TokenSet> =>
  JSON.parse(await sealer.open(account.sealed)) as TokenSet;

/**
 * A live access token for this provider: the stored one, or a fresh one when it is about to die. A refresh
 * holds the account (a lease, by conditional write) so two callers never spend one refresh token; a rotated
 * refresh token is saved before the new access token is handed out, so a crash between the two loses nothing.
 */
export const accessToken = async (
  provider: OAuthProvider,
  deps: AccessDeps,
  options: { aheadMs?: number } = {},
): Promise<AccessResult> => {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const now = deps.clock.now();
    const account = await deps.accounts.get(provider.id);
    if (!account) return { ok: false, error: 'not_connected' };
    if (account.state === 'to_reconnect') return { ok: false, error: 'to_reconnect' };
    const tokens = await open(account, deps.sealer);
    if (!refreshDue(account, now, options.aheadMs))
      return { ok: true, accessToken: tokens.accessToken, refreshed: false };
    if (!account.canRefresh || !tokens.refreshToken) {
      if (!expired(account, now)) return { ok: true, accessToken: tokens.accessToken, refreshed: false };
      if (await breakAccount(account, 'expired', deps)) return { ok: false, error: 'to_reconnect' };
      continue;
    }
    if (pending(account.refreshingUntil, now) || pending(account.refreshBlockedUntil, now)) {
      if (!expired(account, now)) return { ok: true, accessToken: tokens.accessToken, refreshed: false };
      return { ok: false, error: pending(account.refreshingUntil, now) ? 'busy' : 'unavailable' };
    }
    const leased: ConnectedAccount = {
      ...account,
      refreshingUntil: new Date(now.getTime() + REFRESH_LEASE_MS).toISOString(),
      version: account.version + 1,
    };
    if (!(await deps.accounts.put(leased, account.version))) continue;
    return refreshHeld(provider, leased, tokens, deps);
  }
  return { ok: false, error: 'busy' };
};

const refreshHeld = async (
  provider: OAuthProvider,
  leased: ConnectedAccount,
  tokens: TokenSet & { refreshToken?: string },
  deps: AccessDeps,
): Promise<AccessResult> => {
  const now = deps.clock.now();
  const answer = await deps.oauth.refresh(provider, tokens.refreshToken ?? '');
  if (!answer.ok && answer.error === 'refused') {
    await breakAccount(leased, 'refresh_refused', deps);
    return { ok: false, error: 'to_reconnect' };
  }
  if (!answer.ok) {
    // The lease is let go; a rate limit's reset is kept, so that no caller spends the limit before it.
    const { refreshingUntil: _released, refreshBlockedUntil: _old, ...rest } = leased;
    const waiting = answer.retryAt ? { refreshBlockedUntil: answer.retryAt } : {};
    await deps.accounts.put({ ...rest, ...waiting, version: leased.version + 1 }, leased.version);
    return expired(leased, now)
      ? { ok: false, error: 'unavailable' }
      : { ok: true, accessToken: tokens.accessToken, refreshed: false };
  }
  // A network that does not rotate answers no refresh token: the one in hand stays good.
  const next: TokenSet = {
    ...answer.tokens,
    ...((answer.tokens.refreshToken ?? tokens.refreshToken)
      ? { refreshToken: answer.tokens.refreshToken ?? tokens.refreshToken }
      : {}),
  };
  const { refreshingUntil: _done, lastError: _cleared, refreshBlockedUntil: _passed, ...rest } = leased;
  const saved: ConnectedAccount = {
    ...rest,
    sealed: await deps.sealer.seal(JSON.stringify(next)),
    ...(next.accessExpiresAt ? { accessExpiresAt: next.accessExpiresAt } : {}),
    refreshedAt: now.toISOString(),
    version: leased.version + 1,
  };
  if (!saved.accessExpiresAt) delete saved.accessExpiresAt;
  if (!(await deps.accounts.put(saved, leased.version))) return { ok: false, error: 'busy' };
  return { ok: true, accessToken: next.accessToken, refreshed: true };
};

/** "À reconnecter", and her one mail about it: the flag is written with the state, so a retry sends none. */
const breakAccount = async (
  account: ConnectedAccount,
  reason: 'expired' | 'refresh_refused',
  deps: AccessDeps,
): Promise<boolean> => {
  const { refreshingUntil: _released, ...rest } = account;
  const notify = account.reconnectNoticeAt === undefined;
  const broken: ConnectedAccount = {
    ...rest,
    state: 'to_reconnect',
    lastError: reason,
    ...(notify ? { reconnectNoticeAt: deps.clock.now().toISOString() } : {}),
    version: account.version + 1,
  };
  if (!(await deps.accounts.put(broken, account.version))) return false;
  if (notify) await deps.reconnectNeeded(broken);
  return true;
};
