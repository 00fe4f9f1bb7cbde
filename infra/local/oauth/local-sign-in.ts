import { randomBytes } from 'node:crypto';
import { aesGcmSealer } from '../../../shared/adapters/crypto/aes-gcm-sealer.ts';
import { guardedFetch } from '../../../shared/adapters/http/guarded-fetch.ts';
import { StandIns } from '../../../shared/adapters/http/stand-ins.ts';
import { memoryConnectedAccounts } from '../../../shared/adapters/memory/connected-account-store.ts';
import { oauth4webapiClient } from '../../../shared/adapters/oauth/oauth4webapi-client.ts';
import type { OAuthProvider, TokenSet } from '../../../shared/domain/accounts/oauth-provider.ts';
import type { ConnectedAccount } from '../../../shared/domain/accounts/connected-account.ts';
import type { Clock } from '../../../shared/ports/clock.ts';
import type { ConnectedAccountStore } from '../../../shared/ports/connected-account-store.ts';
import type { TokenSealer } from '../../../shared/ports/token-sealer.ts';
import { beginConnect, finishConnect } from '../../../shared/usecases/accounts/connect-account.ts';
import { consent } from './consent.ts';
import type { FakeAuthorizationServer, FakeOAuthClient } from './fake-authorization-server.ts';

/** The developer app a stand-in registers with its fake network: a local credential that opens nothing else. */
export const localApp = (network: string): FakeOAuthClient => ({
  clientId: `dimanche-local-${network}`,
  clientSecret: `local-${network}-app-secret`,
  redirectUris: ['http://127.0.0.1/studio/accounts/callback'],
});

/** The provider the connect machinery sees for a fake network's authorization server. */
export const localProvider = (
  id: string,
  server: FakeAuthorizationServer,
  app: FakeOAuthClient,
  options: { scopes: readonly string[]; rotates: boolean; longLived?: OAuthProvider['longLived'] },
): OAuthProvider => ({
  id,
  authorizationEndpoint: server.authorizationEndpoint,
  tokenEndpoint: server.tokenEndpoint,
  revocationEndpoint: server.revocationEndpoint,
  scopes: options.scopes,
  clientId: app.clientId,
  ...(app.clientSecret ? { clientSecret: app.clientSecret } : {}),
  clientAuth: app.clientSecret ? 'basic' : 'none',
  rotatesRefreshTokens: options.rotates,
  ...(options.longLived ? { longLived: options.longLived } : {}),
});

export class LocalSignInError extends Error {
  override name = 'LocalSignInError';
}

/**
 * The same connect flow she runs from Réglages ("Connecter", the consent page, the callback), run by one
 * machine against its fake: the stand-ins' accounts hold tokens the fakes issued, never a made-up string.
 */
export const signInLocally = async (provider: OAuthProvider, app: FakeOAuthClient, clock: Clock) => {
  const accounts = memoryConnectedAccounts();
  const sealer = aesGcmSealer(randomBytes(32));
  const deps = {
    oauth: oauth4webapiClient({
      outbound: guardedFetch({ standIns: new StandIns([new URL(provider.tokenEndpoint).origin]) }),
      clock,
    }),
    accounts,
    sealer,
    clock,
    random: () => randomBytes(32).toString('base64url'),
    redirectUri: () => app.redirectUris[0] ?? '',
    identify: async () => undefined,
  };
  const { callback } = await consent(await beginConnect(provider, deps));
  const result = await finishConnect(provider, callback, deps);
  if (!result.ok) throw new LocalSignInError(`${provider.id}: ${result.error}`);
  return JSON.parse(await sealer.open(result.account.sealed)) as TokenSet;
};

/** The runtime's connected accounts: where `npm start` keeps the stand-ins' connections across restarts. */
export type LocalConnection = { accounts: ConnectedAccountStore; sealer: TokenSealer; clock: Clock };

/** One stand-in's connection: who she is there, the non-secret fields, whether a token the fake honours. */
export type StandInConnection = {
  label: string;
  profile: Readonly<Record<string, string>>;
  accepts: (accessToken: string) => boolean;
};

/**
 * Her connection to one fake, kept in the runtime's store. A fake forgets the tokens it issued when it stops,
 * so a kept connection is used only while the same fake still honours its token (same address); otherwise the
 * sign-in runs again and replaces it, refresh token and all. Without a store: a sign-in, its tokens returned.
 */
export const connectLocally = async (
  network: string,
  into: LocalConnection | undefined,
  standIn: StandInConnection,
  signIn: () => Promise<{ tokens: TokenSet; canRefresh: boolean }>,
): Promise<TokenSet> => {
  if (!into) return (await signIn()).tokens;
  const kept = await into.accounts.get(network);
  if (kept?.state === 'connected' && kept.profile?.baseUrl === standIn.profile.baseUrl) {
    const tokens = JSON.parse(await into.sealer.open(kept.sealed)) as TokenSet;
    if (standIn.accepts(tokens.accessToken)) return tokens;
  }
  const { tokens, canRefresh } = await signIn();
  const sealed = await into.sealer.seal(JSON.stringify(tokens));
  for (;;) {
    const existing = await into.accounts.get(network);
    const account: ConnectedAccount = {
      provider: network,
      label: standIn.label,
      profile: standIn.profile,
      state: 'connected',
      sealed,
      ...(tokens.accessExpiresAt ? { accessExpiresAt: tokens.accessExpiresAt } : {}),
      canRefresh,
      connectedAt: into.clock.now().toISOString(),
      version: (existing?.version ?? 0) + 1,
    };
    if (await into.accounts.put(account, existing?.version)) return tokens;
  }
};
