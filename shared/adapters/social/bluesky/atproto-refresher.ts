import type { Clock } from '../../../ports/clock.ts';
import type { OAuthClient } from '../../../ports/oauth-client.ts';
import type { OutboundFetch } from '../../../ports/outbound-fetch.ts';
import { atprotoOAuthClient } from '../../oauth/atproto-oauth-client.ts';
import { unbind } from './dpop-bound.ts';
import { boundTokens } from './oauth-connect.ts';

export class AtprotoFlowError extends Error {
  override name = 'AtprotoFlowError';
}

/**
 * Bluesky's tokens for the keep-alive machinery (access-token.ts): a refresh goes to the authorization server
 * kept with the refresh token, signed with the session's DPoP key and the operator's client key (the provider's
 * secret), and answers tokens bound to the same key. A token that is not atproto's (an app password) has no
 * refresh. Her sign-in itself goes through oauth-connect.ts, never through here.
 */
export const atprotoRefresher = (deps: { outbound: OutboundFetch; clock: Clock }): OAuthClient => ({
  authorizationUrl: () => Promise.reject(new AtprotoFlowError('Bluesky signs in through oauth-connect.ts')),
  exchangeCode: () => Promise.reject(new AtprotoFlowError('Bluesky signs in through oauth-connect.ts')),
  refresh: async (provider, refreshToken) => {
    const bound = unbind('refresh', refreshToken);
    if (!bound || !provider.clientSecret)
      return { ok: false, error: 'refused', detail: 'not an atproto refresh token, or no client key' };
    const client = atprotoOAuthClient({
      ...deps,
      // Only the refresh is asked of this client: the redirect address is not sent.
      app: {
        clientId: bound.clientId,
        privateJwk: JSON.parse(provider.clientSecret) as object,
        redirectUri: '',
      },
    });
    const server = { issuer: bound.issuer, tokenEndpoint: bound.tokenEndpoint };
    const answer = await client.refresh(server, bound.token, bound.key);
    if (!answer.ok) return answer;
    if (answer.sub !== bound.did)
      return { ok: false, error: 'refused', detail: 'the refresh answered for another account' };
    return {
      ok: true,
      tokens: boundTokens(answer.tokens, bound.key, bound.did, {
        ...server,
        clientId: bound.clientId,
        ...(bound.revocationEndpoint ? { revocationEndpoint: bound.revocationEndpoint } : {}),
      }),
    };
  },
  // Déconnecter: the grant withdrawn at her server where it offers revocation (the refresh token ends it all).
  revoke: async (provider, token) => {
    const bound = unbind('refresh', token);
    if (!bound?.revocationEndpoint || !provider.clientSecret) return;
    await atprotoOAuthClient({
      ...deps,
      app: {
        clientId: bound.clientId,
        privateJwk: JSON.parse(provider.clientSecret) as object,
        redirectUri: '',
      },
    }).revoke({ issuer: bound.issuer, revocationEndpoint: bound.revocationEndpoint }, bound.token);
  },
});
