import type { ConnectedAccount } from '../../domain/accounts/connected-account.ts';
import type { OAuthProvider, TokenSet } from '../../domain/accounts/oauth-provider.ts';
import type { Clock } from '../../ports/clock.ts';
import type { ConnectedAccountStore } from '../../ports/connected-account-store.ts';
import type { TokenSealer } from '../../ports/token-sealer.ts';

export type SaveDeps = { accounts: ConnectedAccountStore; sealer: TokenSealer; clock: Clock };

/**
 * Whether the tokens can be renewed without her: a refresh token, or Threads' long-lived token, which renews
 * itself (`th_refresh_token`) with no refresh token at all. The refresh job renews only such accounts.
 */
export const renewable = (provider: Pick<OAuthProvider, 'longLived'> | undefined, tokens: TokenSet) =>
  tokens.refreshToken !== undefined || provider?.longLived === 'threads';

/**
 * One network's account, written whole in one conditional put: who she is, the profile the publisher needs and
 * the sealed tokens. A reconnect replaces what was there, whatever its state; a concurrent one is read again.
 */
export const saveConnected = async (
  network: string,
  who: { label: string; profile: Readonly<Record<string, string>> },
  tokens: TokenSet,
  deps: SaveDeps,
  canRefresh = renewable(undefined, tokens),
): Promise<ConnectedAccount> => {
  const sealed = await deps.sealer.seal(JSON.stringify(tokens));
  const now = deps.clock.now().toISOString();
  for (;;) {
    const existing = await deps.accounts.get(network);
    const account: ConnectedAccount = {
      provider: network,
      label: who.label,
      profile: { ...who.profile },
      state: 'connected',
      sealed,
      ...(tokens.accessExpiresAt ? { accessExpiresAt: tokens.accessExpiresAt } : {}),
      canRefresh,
      connectedAt: now,
      version: (existing?.version ?? 0) + 1,
    };
    if (await deps.accounts.put(account, existing?.version)) return account;
  }
};
