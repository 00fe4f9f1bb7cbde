import * as oauth from 'oauth4webapi';
import type { OAuthProvider, TokenSet } from '../../domain/accounts/oauth-provider.ts';
import type { Clock } from '../../ports/clock.ts';
import type { OAuthClient, TokenAnswer } from '../../ports/oauth-client.ts';
import type { OutboundFetch } from '../../ports/outbound-fetch.ts';

/** What a token endpoint's answer carries back to the library: enough headers for its checks. */
const KEPT_HEADERS = [
  'content-type',
  'cache-control',
  'pragma',
  'www-authenticate',
  'dpop-nonce',
  'retry-after',
  'x-rate-limit-reset',
];

/** The answer behind a library error, where it kept one. */
const responseOf = (error: unknown): Response | undefined => {
  if (error instanceof oauth.ResponseBodyError) return error.response;
  if (error instanceof oauth.OperationProcessingError && error.cause instanceof Response) return error.cause;
  return undefined;
};

/** When a 429 or 503 says to come back: Retry-After (seconds or a date), or X's reset in epoch seconds. */
const retryAt = (response: Response | undefined, now: Date): string | undefined => {
  const after = response?.headers.get('retry-after');
  if (after && /^\d+$/.test(after)) return new Date(now.getTime() + Number(after) * 1000).toISOString();
  if (after && !Number.isNaN(Date.parse(after))) return new Date(after).toISOString();
  const reset = response?.headers.get('x-rate-limit-reset');
  if (reset && /^\d+$/.test(reset)) return new Date(Number(reset) * 1000).toISOString();
  return undefined;
};

export class OAuthUnreachableError extends Error {
  override name = 'OAuthUnreachableError';
}

/**
 * The library's requests go out through the guarded client like every other fetch to an address from settings
 * (a Mastodon instance is hers to name): no private address, no redirect followed from a token endpoint.
 */
export const throughGuard =
  (outbound: OutboundFetch) =>
  async (
    url: string,
    init: { method?: string; headers?: ConstructorParameters<typeof Headers>[0]; body?: unknown },
  ): Promise<Response> => {
    const result = await outbound(url, {
      method: 'POST',
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: String(init.body ?? ''),
      redirects: 0,
      timeoutMs: 10_000,
      maxBytes: 256 * 1024,
    });
    if (result.kind !== 'answer') throw new OAuthUnreachableError(`${url}: ${result.detail}`);
    const body = await result.body();
    if (body.kind !== 'body') throw new OAuthUnreachableError(`${url}: the answer could not be read`);
    const headers = new Headers();
    for (const name of KEPT_HEADERS) {
      const value = result.header(name);
      if (value !== null) headers.set(name, value);
    }
    return new Response(body.bytes.byteLength === 0 ? null : body.bytes, { status: result.status, headers });
  };

/** oauth4webapi (a certified, dependency-free OAuth 2.0 client): PKCE S256, strict answer checks. */
export const oauth4webapiClient = (deps: { outbound: OutboundFetch; clock: Clock }): OAuthClient => {
  const server = (provider: OAuthProvider): oauth.AuthorizationServer => ({
    issuer: new URL(provider.authorizationEndpoint).origin,
    authorization_endpoint: provider.authorizationEndpoint,
    token_endpoint: provider.tokenEndpoint,
    ...(provider.revocationEndpoint ? { revocation_endpoint: provider.revocationEndpoint } : {}),
  });
  const client = (provider: OAuthProvider): oauth.Client => ({ client_id: provider.clientId });
  const auth = (provider: OAuthProvider): oauth.ClientAuth =>
    provider.clientAuth === 'none' || !provider.clientSecret
      ? oauth.None()
      : provider.clientAuth === 'basic'
        ? oauth.ClientSecretBasic(provider.clientSecret)
        : oauth.ClientSecretPost(provider.clientSecret);
  const options = (provider: OAuthProvider) => ({
    [oauth.customFetch]: throughGuard(deps.outbound) as unknown as typeof fetch,
    // Only one machine's stand-ins speak plain http; the guarded client refuses loopback anywhere else.
    ...(provider.tokenEndpoint.startsWith('http:') ? { [oauth.allowInsecureRequests]: true } : {}),
  });
  const tokenSet = (answer: oauth.TokenEndpointResponse): TokenSet => ({
    accessToken: answer.access_token,
    ...(answer.refresh_token ? { refreshToken: answer.refresh_token } : {}),
    ...(typeof answer.expires_in === 'number'
      ? { accessExpiresAt: new Date(deps.clock.now().getTime() + answer.expires_in * 1000).toISOString() }
      : {}),
    ...(answer.scope ? { scope: answer.scope } : {}),
  });
  /**
   * Only a refusal of the grant itself needs her: a 429 or a 5xx is the network asking for patience, and
   * never turns an account "à reconnecter". Neither the tokens nor the request are in what is kept.
   */
  const failure = (error: unknown): TokenAnswer => {
    const response = responseOf(error);
    const status = response?.status ?? 0;
    if (error instanceof oauth.ResponseBodyError && status >= 400 && status < 500 && status !== 429)
      return {
        ok: false,
        error: 'refused',
        detail: `${error.error}: ${error.error_description ?? ''}`.trim(),
      };
    const when = retryAt(response, deps.clock.now());
    const detail = status ? `HTTP ${status}` : error instanceof Error ? error.message : String(error);
    return { ok: false, error: 'unavailable', detail, ...(when ? { retryAt: when } : {}) };
  };

  return {
    authorizationUrl: async (provider, { state, codeVerifier, redirectUri }) => {
      const url = new URL(provider.authorizationEndpoint);
      url.searchParams.set('response_type', 'code');
      url.searchParams.set('client_id', provider.clientId);
      url.searchParams.set('redirect_uri', redirectUri);
      url.searchParams.set('scope', provider.scopes.join(' '));
      url.searchParams.set('state', state);
      url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
      url.searchParams.set('code_challenge_method', 'S256');
      return url.href;
    },
    exchangeCode: async (provider, { code, codeVerifier, redirectUri }) => {
      try {
        // The state was checked by the use case against the sign-in it began; the library checks the rest.
        const parameters = oauth.validateAuthResponse(
          server(provider),
          client(provider),
          new URLSearchParams({ code }),
          oauth.skipStateCheck,
        );
        const response = await oauth.authorizationCodeGrantRequest(
          server(provider),
          client(provider),
          auth(provider),
          parameters,
          redirectUri,
          codeVerifier,
          options(provider),
        );
        const answer = await oauth.processAuthorizationCodeResponse(
          server(provider),
          client(provider),
          response,
        );
        return { ok: true, tokens: tokenSet(answer) };
      } catch (error) {
        return failure(error);
      }
    },
    refresh: async (provider, refreshToken) => {
      try {
        const response = await oauth.refreshTokenGrantRequest(
          server(provider),
          client(provider),
          auth(provider),
          refreshToken,
          options(provider),
        );
        const answer = await oauth.processRefreshTokenResponse(server(provider), client(provider), response);
        return { ok: true, tokens: tokenSet(answer) };
      } catch (error) {
        return failure(error);
      }
    },
    revoke: async (provider, token) => {
      if (!provider.revocationEndpoint) return;
      try {
        const response = await oauth.revocationRequest(
          server(provider),
          client(provider),
          auth(provider),
          token,
          options(provider),
        );
        await oauth.processRevocationResponse(response);
      } catch {
        // Forgotten here all the same: revocation is a courtesy to the network.
      }
    },
  };
};
