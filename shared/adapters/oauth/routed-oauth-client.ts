import type { OAuthClient } from '../../ports/oauth-client.ts';

/**
 * One OAuthClient for the machinery, each provider's calls going to the client that speaks its protocol
 * (atproto's for Bluesky), any other to `otherwise`.
 */
export const routedOAuthClient = (
  otherwise: OAuthClient,
  byProvider: Partial<Record<string, OAuthClient>>,
): OAuthClient => {
  const pick = (id: string) => byProvider[id] ?? otherwise;
  return {
    authorizationUrl: (provider, request) => pick(provider.id).authorizationUrl(provider, request),
    exchangeCode: (provider, grant) => pick(provider.id).exchangeCode(provider, grant),
    refresh: (provider, refreshToken) => pick(provider.id).refresh(provider, refreshToken),
    revoke: (provider, token) => pick(provider.id).revoke(provider, token),
  };
};
