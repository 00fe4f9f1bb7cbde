import type { OAuthProvider, TokenSet } from '../../domain/accounts/oauth-provider.ts';
import type { ConnectedAccountStore } from '../../ports/connected-account-store.ts';
import type { OAuthClient } from '../../ports/oauth-client.ts';
import type { TokenSealer } from '../../ports/token-sealer.ts';

/**
 * "Déconnecter": the account is forgotten here, and its grant revoked at the network where the network allows
 * it (the refresh token first: revoking it ends the whole grant at most servers). A second click finds nothing.
 */
export const disconnectAccount = async (
  provider: OAuthProvider,
  deps: { accounts: ConnectedAccountStore; oauth: OAuthClient; sealer: TokenSealer },
): Promise<{ ok: true } | { ok: false; error: 'not_connected' }> => {
  for (;;) {
    const account = await deps.accounts.get(provider.id);
    if (!account) return { ok: false, error: 'not_connected' };
    if (!(await deps.accounts.remove(provider.id, account.version))) continue;
    const tokens = JSON.parse(await deps.sealer.open(account.sealed)) as TokenSet;
    await deps.oauth.revoke(provider, tokens.refreshToken ?? tokens.accessToken);
    return { ok: true };
  }
};
