import type { ConnectedAccount } from '../../domain/accounts/connected-account.ts';
import type { OAuthProvider, TokenSet } from '../../domain/accounts/oauth-provider.ts';
import type { AccountChoice, Identity } from '../../ports/account-identity.ts';
import type { OAuthClient, TokenAnswer } from '../../ports/oauth-client.ts';
import { beginConnect, CONNECT_WINDOW_MS, type ConnectCallback } from './connect-account.ts';
import { renewable, type SaveDeps, saveConnected } from './save-connected.ts';

export type NetworkConnectDeps = SaveDeps & {
  oauth: OAuthClient;
  /** An unguessable URL-safe string: at least 32 random bytes. */
  random: () => string;
  /** The studio's callback for this network, registered with it exactly. */
  redirectUri: (network: string) => string;
  /** The provider to finish with: the operator's app, or the one registered on her instance (Mastodon). */
  provider: (network: string, instance?: string) => Promise<OAuthProvider | undefined>;
  /** The consent page's token traded for the one kept (Threads' 60-day token); absent: kept as it came. */
  keep?: (network: string, provider: OAuthProvider, tokens: TokenSet) => Promise<TokenAnswer | undefined>;
  identify: (network: string, accessToken: string, instance?: string) => Promise<Identity>;
};

/** Where a sign-in under way is filed: the network, and her server's address for Mastodon. */
const keyOf = (network: string, instance?: string) => (instance ? `${network}@${instance}` : network);
const parseKey = (key: string) => {
  const at = key.indexOf('@');
  return at < 0 ? { network: key } : { network: key.slice(0, at), instance: key.slice(at + 1) };
};
const chooseKey = (network: string) => `${network}#choose`;

/** The network's consent page for her; the sign-in under way is kept, to be finished once. */
export const beginNetworkConnect = (
  network: string,
  provider: OAuthProvider,
  deps: Pick<NetworkConnectDeps, 'oauth' | 'accounts' | 'clock' | 'random' | 'redirectUri'>,
  instance?: string,
): Promise<string> =>
  beginConnect(
    { ...provider, id: keyOf(network, instance) },
    { ...deps, redirectUri: () => deps.redirectUri(network) },
  );

export type NetworkConnectResult =
  | { ok: true; account: ConnectedAccount }
  /** She picks the account to post as; what the choice needs is held sealed under `hold`, used once. */
  | { ok: true; choose: { hold: string; choices: readonly { id: string; label: string }[] } }
  | {
      ok: false;
      /** See ConnectResult; `no_app`: the operator's app is gone since she began. */
      error: 'unknown_state' | 'denied' | 'refused' | 'unavailable' | 'no_app';
    };

type Held = { tokens: TokenSet; choices: readonly AccountChoice[] };

/**
 * The network sent her back: the code becomes tokens (traded for the kept kind where the network needs it),
 * the network says whom they belong to, and the account is saved whole; or, when the sign-in can post as
 * several accounts, they are held for her choice. Nothing is saved before every step answered.
 */
export const finishNetworkConnect = async (
  network: string,
  callback: ConnectCallback,
  deps: NetworkConnectDeps,
): Promise<NetworkConnectResult> => {
  const now = deps.clock.now();
  if (!callback.state) return { ok: false, error: 'unknown_state' };
  const pending = await deps.accounts.takePending(callback.state, now.toISOString());
  const key = pending ? parseKey(pending.provider) : undefined;
  if (!pending || key?.network !== network) return { ok: false, error: 'unknown_state' };
  if (callback.error !== undefined || !callback.code) return { ok: false, error: 'denied' };
  const provider = await deps.provider(network, key.instance);
  if (!provider) return { ok: false, error: 'no_app' };
  const answer = await deps.oauth.exchangeCode(provider, {
    code: callback.code,
    codeVerifier: pending.codeVerifier,
    redirectUri: deps.redirectUri(network),
  });
  if (!answer.ok) return { ok: false, error: answer.error };
  const kept = (await deps.keep?.(network, provider, answer.tokens)) ?? answer;
  if (!kept.ok) return { ok: false, error: kept.error };
  const who = await deps.identify(network, kept.tokens.accessToken, key.instance);
  if (!who.ok) return { ok: false, error: who.error };
  if (who.choices?.length) {
    const hold = deps.random();
    const held: Held = { tokens: kept.tokens, choices: who.choices };
    await deps.accounts.savePending({
      state: hold,
      provider: chooseKey(network),
      // The held tokens ride in the pending sign-in's secret slot, sealed: never in her form, used once.
      codeVerifier: await deps.sealer.seal(JSON.stringify(held)),
      validUntil: new Date(now.getTime() + CONNECT_WINDOW_MS).toISOString(),
    });
    const choices = who.choices.map(({ id, label }) => ({ id, label }));
    return { ok: true, choose: { hold, choices } };
  }
  return {
    ok: true,
    account: await saveConnected(network, who, kept.tokens, deps, renewable(provider, kept.tokens)),
  };
};

/** Her pick after consent (a Page, herself or a company page): saved with its own token where it has one. */
export const chooseAccount = async (
  network: string,
  choice: { hold: string; id: string },
  deps: SaveDeps,
): Promise<{ ok: true; account: ConnectedAccount } | { ok: false; error: 'unknown_state' }> => {
  const pending = await deps.accounts.takePending(choice.hold, deps.clock.now().toISOString());
  if (!pending || pending.provider !== chooseKey(network)) return { ok: false, error: 'unknown_state' };
  const held = JSON.parse(await deps.sealer.open(pending.codeVerifier)) as Held;
  const picked = held.choices.find((candidate) => candidate.id === choice.id);
  if (!picked) return { ok: false, error: 'unknown_state' };
  // A Page token does not expire with the user token it came from: it is the only one kept.
  const tokens: TokenSet = picked.accessToken ? { accessToken: picked.accessToken } : held.tokens;
  return { ok: true, account: await saveConnected(network, picked, tokens, deps) };
};
