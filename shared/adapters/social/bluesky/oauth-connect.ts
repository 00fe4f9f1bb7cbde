import type { ConnectedAccount } from '../../../domain/accounts/connected-account.ts';
import type { TokenSet } from '../../../domain/accounts/oauth-provider.ts';
import { type SaveDeps, saveConnected } from '../../../usecases/accounts/save-connected.ts';
import type { AtprotoOAuthClient, AtprotoServer } from '../../oauth/atproto-oauth-client.ts';
import { type JsonWebKey, newDpopKey } from '../../oauth/dpop-key.ts';
import { bind } from './dpop-bound.ts';
import type { AtprotoSignIn, Discovery } from './oauth-discovery.ts';

/** How long she has between "Connecter" and her server's consent page sending her back. */
const CONNECT_WINDOW_MS = 10 * 60_000;
const HANDLE = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/i;

export type BlueskyOAuthDeps = SaveDeps & {
  discover: (handle: string) => Promise<Discovery>;
  client: AtprotoOAuthClient;
  /** An unguessable URL-safe string: at least 32 random bytes. */
  random: () => string;
};

/** What the callback needs, sealed in the pending sign-in's secret slot: never in her browser, used once. */
type Held = { codeVerifier: string; dpopKey: JsonWebKey; signIn: AtprotoSignIn };

export type BeginResult =
  | { ok: true; consentUrl: string }
  | {
      ok: false;
      /** `no_oauth`: her server offers no OAuth: she connects with an app password (see oauth-discovery.ts). */
      error: 'invalid_handle' | 'no_oauth' | 'unknown_handle' | 'refused' | 'unavailable';
    };

/**
 * Bluesky's "Connecter" by OAuth, where her PDS offers it: her handle leads to her server, a new DPoP key is
 * made for the session, the request is pushed there, and she is sent to its consent page.
 */
export const beginBlueskyOAuth = async (
  network: string,
  input: string,
  deps: BlueskyOAuthDeps,
): Promise<BeginResult> => {
  const handle = input.trim().replace(/^@/, '').toLowerCase();
  if (!HANDLE.test(handle)) return { ok: false, error: 'invalid_handle' };
  const found = await deps.discover(handle);
  if (!found.ok) return { ok: false, error: found.error };
  const held: Held = { codeVerifier: deps.random(), dpopKey: await newDpopKey(), signIn: found.signIn };
  const state = deps.random();
  const begun = await deps.client.authorizationUrl(found.signIn.server, {
    state,
    codeVerifier: held.codeVerifier,
    dpopKey: held.dpopKey,
    loginHint: handle,
  });
  if (!begun.ok) return { ok: false, error: begun.error };
  await deps.accounts.savePending({
    state,
    provider: network,
    codeVerifier: await deps.sealer.seal(JSON.stringify(held)),
    validUntil: new Date(deps.clock.now().getTime() + CONNECT_WINDOW_MS).toISOString(),
  });
  return { ok: true, consentUrl: begun.url };
};

export type FinishResult =
  | { ok: true; account: ConnectedAccount }
  | { ok: false; error: 'unknown_state' | 'denied' | 'refused' | 'unavailable' };

/**
 * Her server sent her back: the code becomes tokens bound to the session's key, whose `sub` must be the DID
 * her handle resolved to (else another account answered), saved sealed with the key as her Bluesky account.
 */
export const finishBlueskyOAuth = async (
  network: string,
  callback: { state?: string; code?: string; error?: string; iss?: string },
  deps: BlueskyOAuthDeps,
): Promise<FinishResult> => {
  if (!callback.state) return { ok: false, error: 'unknown_state' };
  const pending = await deps.accounts.takePending(callback.state, deps.clock.now().toISOString());
  if (!pending || pending.provider !== network) return { ok: false, error: 'unknown_state' };
  if (callback.error !== undefined || !callback.code) return { ok: false, error: 'denied' };
  const held = JSON.parse(await deps.sealer.open(pending.codeVerifier)) as Held;
  const { signIn } = held;
  const answer = await deps.client.exchangeCode(signIn.server, {
    code: callback.code,
    ...(callback.iss === undefined ? {} : { iss: callback.iss }),
    codeVerifier: held.codeVerifier,
    dpopKey: held.dpopKey,
  });
  if (!answer.ok) return { ok: false, error: answer.error };
  if (answer.sub !== signIn.did) return { ok: false, error: 'refused' };
  const tokens = boundTokens(answer.tokens, held.dpopKey, signIn.did, {
    ...signIn.server,
    clientId: deps.client.clientId,
  });
  const who = { label: `@${signIn.handle}`, profile: { baseUrl: signIn.pds, identifier: signIn.handle } };
  return { ok: true, account: await saveConnected(network, who, tokens, deps) };
};

/** The tokens as the connected account keeps them: each with the key it is bound to (dpop-bound.ts). */
export const boundTokens = (
  tokens: TokenSet,
  key: JsonWebKey,
  did: string,
  grant: Pick<AtprotoServer, 'issuer' | 'tokenEndpoint'> & { clientId: string; revocationEndpoint?: string },
): TokenSet => ({
  ...tokens,
  accessToken: bind({ kind: 'access', token: tokens.accessToken, key, did }),
  ...(tokens.refreshToken
    ? {
        refreshToken: bind({
          kind: 'refresh',
          token: tokens.refreshToken,
          key,
          did,
          clientId: grant.clientId,
          issuer: grant.issuer,
          tokenEndpoint: grant.tokenEndpoint,
          ...(grant.revocationEndpoint ? { revocationEndpoint: grant.revocationEndpoint } : {}),
        }),
      }
    : {}),
});
