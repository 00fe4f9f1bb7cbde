import type { ConnectedAccount } from '../../domain/accounts/connected-account.ts';
import type { OAuthProvider, TokenSet } from '../../domain/accounts/oauth-provider.ts';
import type { Clock } from '../../ports/clock.ts';
import type { ConnectedAccountStore } from '../../ports/connected-account-store.ts';
import type { OAuthClient } from '../../ports/oauth-client.ts';
import type { TokenSealer } from '../../ports/token-sealer.ts';
import { renewable } from './save-connected.ts';

/** How long she has between "Connecter" and the network's consent page sending her back. */
export const CONNECT_WINDOW_MS = 10 * 60_000;

export type ConnectDeps = {
  oauth: OAuthClient;
  accounts: ConnectedAccountStore;
  sealer: TokenSealer;
  clock: Clock;
  /** An unguessable URL-safe string (state, PKCE verifier): at least 32 random bytes. */
  random: () => string;
  /** The studio's callback address, registered with the network exactly. */
  redirectUri: (provider: OAuthProvider) => string;
  /** Whom the tokens belong to (a handle, a Page's name), asked of the network; undefined: it did not say. */
  identify: (provider: OAuthProvider, tokens: TokenSet) => Promise<string | undefined>;
};

/** The address of the network's consent page; the sign-in under way is kept, to be finished once. */
export const beginConnect = async (
  provider: OAuthProvider,
  deps: Pick<ConnectDeps, 'oauth' | 'accounts' | 'clock' | 'random' | 'redirectUri'>,
): Promise<string> => {
  const state = deps.random();
  const codeVerifier = deps.random();
  const validUntil = new Date(deps.clock.now().getTime() + CONNECT_WINDOW_MS).toISOString();
  await deps.accounts.savePending({ state, provider: provider.id, codeVerifier, validUntil });
  return deps.oauth.authorizationUrl(provider, {
    state,
    codeVerifier,
    redirectUri: deps.redirectUri(provider),
  });
};

export type ConnectCallback = { state?: string; code?: string; error?: string };

export type ConnectResult =
  | { ok: true; account: ConnectedAccount }
  | {
      ok: false;
      /**
       * `unknown_state`: not a sign-in begun here, used already (Back, a double submit) or too old;
       * `denied`: she said no on the network's page; `refused`/`unavailable`: the network refused the code or
       * did not answer.
       */
      error: 'unknown_state' | 'denied' | 'refused' | 'unavailable';
    };

/** The network sent her back: the code becomes tokens, sealed and saved as this provider's account. */
export const finishConnect = async (
  provider: OAuthProvider,
  callback: ConnectCallback,
  deps: ConnectDeps,
): Promise<ConnectResult> => {
  const now = deps.clock.now();
  if (!callback.state) return { ok: false, error: 'unknown_state' };
  const pending = await deps.accounts.takePending(callback.state, now.toISOString());
  if (!pending || pending.provider !== provider.id) return { ok: false, error: 'unknown_state' };
  if (callback.error !== undefined || !callback.code) return { ok: false, error: 'denied' };
  const answer = await deps.oauth.exchangeCode(provider, {
    code: callback.code,
    codeVerifier: pending.codeVerifier,
    redirectUri: deps.redirectUri(provider),
  });
  if (!answer.ok) return { ok: false, error: answer.error };
  const label = (await deps.identify(provider, answer.tokens)) ?? provider.id;
  const sealed = await deps.sealer.seal(JSON.stringify(answer.tokens));
  // A reconnect replaces what was there, whatever state it was in; a concurrent one is simply read again.
  for (;;) {
    const existing = await deps.accounts.get(provider.id);
    const account: ConnectedAccount = {
      provider: provider.id,
      label,
      state: 'connected',
      sealed,
      ...(answer.tokens.accessExpiresAt ? { accessExpiresAt: answer.tokens.accessExpiresAt } : {}),
      canRefresh: renewable(provider, answer.tokens),
      connectedAt: now.toISOString(),
      version: (existing?.version ?? 0) + 1,
    };
    if (await deps.accounts.put(account, existing?.version)) return { ok: true, account };
  }
};
