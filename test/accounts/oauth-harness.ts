import { randomBytes } from 'node:crypto';
import { aesGcmSealer } from '../../shared/adapters/crypto/aes-gcm-sealer.ts';
import { guardedFetch } from '../../shared/adapters/http/guarded-fetch.ts';
import { StandIns } from '../../shared/adapters/http/stand-ins.ts';
import { memoryConnectedAccounts } from '../../shared/adapters/memory/connected-account-store.ts';
import { oauth4webapiClient } from '../../shared/adapters/oauth/oauth4webapi-client.ts';
import type { ConnectedAccount } from '../../shared/domain/accounts/connected-account.ts';
import type { OAuthProvider } from '../../shared/domain/accounts/oauth-provider.ts';
import type { ConnectedAccountStore } from '../../shared/ports/connected-account-store.ts';
import type { AccessDeps } from '../../shared/usecases/accounts/access-token.ts';
import type { ConnectDeps } from '../../shared/usecases/accounts/connect-account.ts';
import {
  type FakeOAuthPolicy,
  startFakeAuthorizationServer,
} from '../../infra/local/oauth/fake-authorization-server.ts';
import { movableClock } from '../support/test-app.ts';

export const REDIRECT_URI = 'https://newsletter.example.org/studio/accounts/callback';
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export { consent } from '../../infra/local/oauth/consent.ts';
export { LINKEDIN_POLICY, X_POLICY } from '../../infra/local/oauth/policies.ts';

/** One network's fake OAuth server, the real client through the guarded fetch, accounts in memory. */
export const oauthHarness = async (
  policy: FakeOAuthPolicy,
  options: { id?: string; store?: ConnectedAccountStore; confidential?: boolean } = {},
) => {
  const clock = movableClock();
  const secret = options.confidential === false ? undefined : 'client-secret-from-the-console';
  const server = await startFakeAuthorizationServer({
    clock,
    clients: [
      { clientId: 'dimanche-app', ...(secret ? { clientSecret: secret } : {}), redirectUris: [REDIRECT_URI] },
    ],
    policy,
    subject: '@dimanche_fm',
    name: 'FakeNet',
  });
  const provider: OAuthProvider = {
    id: options.id ?? 'x',
    authorizationEndpoint: server.authorizationEndpoint,
    tokenEndpoint: server.tokenEndpoint,
    revocationEndpoint: server.revocationEndpoint,
    scopes: ['tweet.write', 'users.read', 'offline.access'],
    clientId: 'dimanche-app',
    ...(secret ? { clientSecret: secret } : {}),
    clientAuth: secret ? 'basic' : 'none',
    rotatesRefreshTokens: policy.rotates,
  };
  const accounts = options.store ?? memoryConnectedAccounts();
  const notices: ConnectedAccount[] = [];
  const outbound = guardedFetch({ standIns: new StandIns([server.origin]) });
  const oauth = oauth4webapiClient({ outbound, clock });
  const sealer = aesGcmSealer(randomBytes(32));
  const connect: ConnectDeps = {
    oauth,
    accounts,
    sealer,
    clock,
    random: () => randomBytes(32).toString('base64url'),
    redirectUri: () => REDIRECT_URI,
    identify: async (_provider, tokens) => server.verify(tokens.accessToken)?.subject,
  };
  const access: AccessDeps = {
    oauth,
    accounts,
    sealer,
    clock,
    reconnectNeeded: async (account) => void notices.push(account),
  };
  return { clock, server, provider, accounts, connect, access, notices, oauth };
};
