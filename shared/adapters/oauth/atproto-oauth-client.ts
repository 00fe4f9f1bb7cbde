import * as oauth from 'oauth4webapi';
import type { TokenSet } from '../../domain/accounts/oauth-provider.ts';
import type { Clock } from '../../ports/clock.ts';
import type { TokenAnswer } from '../../ports/oauth-client.ts';
import type { OutboundFetch } from '../../ports/outbound-fetch.ts';
import { type JsonWebKey, keyPairOf } from './dpop-key.ts';
import { throughGuard } from './oauth4webapi-client.ts';

/** The operator's confidential client: its metadata document's URL is its id; its ES256 key signs assertions. */
export type AtprotoApp = { clientId: string; privateJwk: JsonWebKey & { kid?: string }; redirectUri: string };

/** Her PDS's authorization server, from its metadata (oauth-discovery.ts). */
export type AtprotoServer = {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  parEndpoint: string;
};

export const ATPROTO_SCOPE = 'atproto transition:generic';

/** What atproto's token endpoint answers beyond OAuth's: whose account the tokens open. */
export type AtprotoTokens = { tokens: TokenSet; sub: string };

export type AtprotoAnswer<T> =
  ({ ok: true } & T) | { ok: false; error: 'refused' | 'unavailable'; detail: string };

/**
 * atproto's OAuth profile through oauth4webapi: pushed authorization requests, PKCE S256, DPoP on every request
 * to the server (a `use_dpop_nonce` answer is retried once with the nonce it gave), `private_key_jwt`, and the
 * `iss` of the answer checked against the server she was sent to. Neither a token nor a key is in a failure.
 */
export const atprotoOAuthClient = ({
  outbound,
  clock,
  app,
}: {
  outbound: OutboundFetch;
  clock: Clock;
  app: AtprotoApp;
}) => {
  const client: oauth.Client = { client_id: app.clientId };
  const as = (server: AtprotoServer): oauth.AuthorizationServer => ({
    issuer: server.issuer,
    authorization_endpoint: server.authorizationEndpoint,
    token_endpoint: server.tokenEndpoint,
    pushed_authorization_request_endpoint: server.parEndpoint,
    authorization_response_iss_parameter_supported: true,
  });
  const signing = crypto.subtle.importKey(
    'jwk',
    app.privateJwk,
    { name: 'ECDSA', namedCurve: 'P-256' },
    false,
    ['sign'],
  );
  const auth = async () =>
    oauth.PrivateKeyJwt({ key: await signing, ...(app.privateJwk.kid ? { kid: app.privateJwk.kid } : {}) });
  const options = async (server: AtprotoServer, key: JsonWebKey) => ({
    DPoP: oauth.DPoP(client, await keyPairOf(key)),
    [oauth.customFetch]: throughGuard(outbound) as unknown as typeof fetch,
    // Only one machine's fake PDS speaks plain http; the guarded client refuses loopback anywhere else.
    ...(server.tokenEndpoint.startsWith('http:') ? { [oauth.allowInsecureRequests]: true } : {}),
  });
  /** The server asks for its nonce first: the handle kept it from the refusal, so once more is enough. */
  const withNonce = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      if (!oauth.isDPoPNonceError(error)) throw error;
      return call();
    }
  };
  const tokenSet = (answer: oauth.TokenEndpointResponse): TokenSet => ({
    accessToken: answer.access_token,
    ...(answer.refresh_token ? { refreshToken: answer.refresh_token } : {}),
    ...(typeof answer.expires_in === 'number'
      ? { accessExpiresAt: new Date(clock.now().getTime() + answer.expires_in * 1000).toISOString() }
      : {}),
    ...(answer.scope ? { scope: answer.scope } : {}),
  });
  const withSub = (answer: oauth.TokenEndpointResponse): AtprotoAnswer<AtprotoTokens> => {
    if (typeof answer.sub !== 'string')
      return { ok: false, error: 'refused', detail: 'the token answer names no account (sub)' };
    // atproto OAuth: a grant without the `atproto` scope is no atproto session, whatever else it grants.
    if (!(answer.scope ?? '').split(' ').includes('atproto'))
      return { ok: false, error: 'refused', detail: 'the token answer does not grant the atproto scope' };
    return { ok: true, tokens: tokenSet(answer), sub: answer.sub };
  };

  return {
    clientId: app.clientId,
    /** The consent page's address for her, after the request itself was pushed to her server. */
    authorizationUrl: async (
      server: AtprotoServer,
      request: { state: string; codeVerifier: string; dpopKey: JsonWebKey; loginHint: string },
    ): Promise<AtprotoAnswer<{ url: string }>> => {
      try {
        const parameters = {
          response_type: 'code',
          client_id: app.clientId,
          redirect_uri: app.redirectUri,
          scope: ATPROTO_SCOPE,
          state: request.state,
          code_challenge: await oauth.calculatePKCECodeChallenge(request.codeVerifier),
          code_challenge_method: 'S256',
          login_hint: request.loginHint,
        };
        const opts = await options(server, request.dpopKey);
        const pushed = await withNonce(async () =>
          oauth.processPushedAuthorizationResponse(
            as(server),
            client,
            await oauth.pushedAuthorizationRequest(as(server), client, await auth(), parameters, opts),
          ),
        );
        const url = new URL(server.authorizationEndpoint);
        url.searchParams.set('client_id', app.clientId);
        url.searchParams.set('request_uri', pushed.request_uri);
        return { ok: true, url: url.href };
      } catch (error) {
        return failure(error);
      }
    },
    /** The code she came back with, for tokens bound to the session's key; `iss` must be her server. */
    exchangeCode: async (
      server: AtprotoServer,
      callback: { code: string; iss?: string; codeVerifier: string; dpopKey: JsonWebKey },
    ): Promise<AtprotoAnswer<AtprotoTokens>> => {
      let parameters: URLSearchParams;
      try {
        // The state was checked against the sign-in begun here; the library checks the issuer: an answer
        // from another server than hers is a mix-up attack (RFC 9207), never a code to spend.
        parameters = oauth.validateAuthResponse(
          as(server),
          client,
          new URLSearchParams({ code: callback.code, ...(callback.iss ? { iss: callback.iss } : {}) }),
          oauth.skipStateCheck,
        );
      } catch (error) {
        return {
          ok: false,
          error: 'refused',
          detail: error instanceof Error ? error.message : String(error),
        };
      }
      try {
        const opts = await options(server, callback.dpopKey);
        const answer = await withNonce(async () =>
          oauth.processAuthorizationCodeResponse(
            as(server),
            client,
            await oauth.authorizationCodeGrantRequest(
              as(server),
              client,
              await auth(),
              parameters,
              app.redirectUri,
              callback.codeVerifier,
              opts,
            ),
          ),
        );
        return withSub(answer);
      } catch (error) {
        return failure(error);
      }
    },
    /** A new pair for a refresh token (each used once: the server rotates them), bound to the same key. */
    refresh: async (
      server: Pick<AtprotoServer, 'issuer' | 'tokenEndpoint'>,
      refreshToken: string,
      dpopKey: JsonWebKey,
    ): Promise<AtprotoAnswer<AtprotoTokens>> => {
      const full = { ...server, authorizationEndpoint: server.issuer, parEndpoint: server.issuer };
      try {
        const opts = await options(full, dpopKey);
        const answer = await withNonce(async () =>
          oauth.processRefreshTokenResponse(
            as(full),
            client,
            await oauth.refreshTokenGrantRequest(as(full), client, await auth(), refreshToken, opts),
          ),
        );
        return withSub(answer);
      } catch (error) {
        return failure(error);
      }
    },
    /**
     * The grant withdrawn at her server (RFC 7009, the operator's assertion as its authentication): revoking the
     * refresh token ends the whole session there. True when the server said so.
     */
    revoke: async (
      server: { issuer: string; revocationEndpoint: string },
      token: string,
    ): Promise<boolean> => {
      const full: oauth.AuthorizationServer = {
        issuer: server.issuer,
        revocation_endpoint: server.revocationEndpoint,
      };
      try {
        const answer = await oauth.revocationRequest(full, client, await auth(), token, {
          [oauth.customFetch]: throughGuard(outbound) as unknown as typeof fetch,
          ...(server.revocationEndpoint.startsWith('http:') ? { [oauth.allowInsecureRequests]: true } : {}),
        });
        await oauth.processRevocationResponse(answer);
        return true;
      } catch {
        return false;
      }
    },
  };
};

export type AtprotoOAuthClient = ReturnType<typeof atprotoOAuthClient>;

/** A refusal of the grant (4xx but 429) needs her; anything else is the server asking for patience. */
const failure = (error: unknown): Extract<TokenAnswer, { ok: false }> => {
  if (
    error instanceof oauth.ResponseBodyError &&
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 429
  )
    return { ok: false, error: 'refused', detail: `${error.error}: ${error.error_description ?? ''}`.trim() };
  if (error instanceof oauth.OperationProcessingError && error.code === oauth.JSON_ATTRIBUTE_COMPARISON)
    return { ok: false, error: 'refused', detail: error.message };
  const status = error instanceof oauth.ResponseBodyError ? `HTTP ${error.status}` : undefined;
  return {
    ok: false,
    error: 'unavailable',
    detail: status ?? (error instanceof Error ? error.message : String(error)),
  };
};
