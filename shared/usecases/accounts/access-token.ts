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
import type { LongLivedTokens } from '../../ports/long-lived-tokens.ts';
import type { OAuthClient, TokenAnswer } from '../../ports/oauth-client.ts';
import type { TokenSealer } from '../../ports/token-sealer.ts';

export type AccessDeps = {
  oauth: OAuthClient;
  accounts: ConnectedAccountStore;
  sealer: TokenSealer;
  clock: Clock;
  /** Tells her, once per break, that a network must be reconnected (a French mail with the link). */
  reconnectNeeded: (account: ConnectedAccount) => Promise<void>;
  /** Meta's renewal of a long-lived token, for providers signed in that way (`longLived: 'threads'`). */
  longLived?: LongLivedTokens;
};

/**
 * Whose account: an OAuth provider, which can refresh it, or only its key where nothing can (an app password,
 * a Mastodon token that never expires): its token is then used while it lives.
 */
export type AccountProvider = OAuthProvider | { id: string };

export type AccessOptions = {
  /** How long the token must still live; the refresh job asks for its whole interval. */
  aheadMs?: number;
  /**
   * The access token a network just refused (401, Meta's code 190): it is refreshed now whatever its expiry,
   * once (a caller holding an older token gets the one stored since); one that cannot be turns "à reconnecter".
   */
  refused?: string;
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
  provider: AccountProvider,
  deps: AccessDeps,
  options: AccessOptions = {},
): Promise<AccessResult> => {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const now = deps.clock.now();
    const account = await deps.accounts.get(provider.id);
    if (!account) return { ok: false, error: 'not_connected' };
    if (account.state === 'to_reconnect') return { ok: false, error: 'to_reconnect' };
    const tokens = await open(account, deps.sealer);
    const stored: AccessResult = { ok: true, accessToken: tokens.accessToken, refreshed: false };
    if (options.refused !== undefined && options.refused !== tokens.accessToken) return stored;
    const refused = options.refused !== undefined;
    const dead = refused || expired(account, now);
    if (!refused && !refreshDue(account, now, options.aheadMs)) return stored;
    const renew = renewalOf(provider, account, tokens, deps);
    if (!renew) {
      if (!dead) return stored;
      if (await breakAccount(account, refused ? 'revoked' : 'expired', deps))
        return { ok: false, error: 'to_reconnect' };
      continue;
    }
    if (pending(account.refreshingUntil, now) || pending(account.refreshBlockedUntil, now)) {
      if (!dead) return stored;
      return { ok: false, error: pending(account.refreshingUntil, now) ? 'busy' : 'unavailable' };
    }
    const leased: ConnectedAccount = {
      ...account,
      refreshingUntil: new Date(now.getTime() + REFRESH_LEASE_MS).toISOString(),
      version: account.version + 1,
    };
    if (!(await deps.accounts.put(leased, account.version))) continue;
    return refreshHeld(renew, leased, tokens, dead, deps);
  }
  return { ok: false, error: 'busy' };
};

/** How this account's token is renewed, if it can be: a refresh token, or Meta's long-lived renewal. */
const renewalOf = (
  provider: AccountProvider,
  account: ConnectedAccount,
  tokens: TokenSet,
  deps: AccessDeps,
): (() => Promise<TokenAnswer>) | undefined => {
  if (!('tokenEndpoint' in provider) || !account.canRefresh) return undefined;
  const { longLived } = deps;
  if (provider.longLived === 'threads')
    return longLived ? () => longLived.renew(provider, tokens.accessToken) : undefined;
  const { refreshToken } = tokens;
  return refreshToken ? () => deps.oauth.refresh(provider, refreshToken) : undefined;
};

const refreshHeld = async (
  renew: () => Promise<TokenAnswer>,
  leased: ConnectedAccount,
  tokens: TokenSet,
  dead: boolean,
  deps: AccessDeps,
): Promise<AccessResult> => {
  const answer = await renew();
  if (!answer.ok && answer.error === 'refused') {
    await breakAccount(leased, 'refresh_refused', deps);
    return { ok: false, error: 'to_reconnect' };
  }
  if (!answer.ok) {
    // The lease is let go; a rate limit's reset is kept, so that no caller spends the limit before it.
    const { refreshingUntil: _released, refreshBlockedUntil: _old, ...rest } = leased;
    const waiting = answer.retryAt ? { refreshBlockedUntil: answer.retryAt } : {};
    await deps.accounts.put({ ...rest, ...waiting, version: leased.version + 1 }, leased.version);
    return dead
      ? { ok: false, error: 'unavailable' }
      : { ok: true, accessToken: tokens.accessToken, refreshed: false };
  }
  const now = deps.clock.now();
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
  reason: 'expired' | 'refresh_refused' | 'revoked',
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
