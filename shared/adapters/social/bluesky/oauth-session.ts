import { Agent } from '@atproto/api';
import * as oauth from 'oauth4webapi';
import { keyPairOf } from '../../oauth/dpop-key.ts';
import type { BlueskyAccount } from './account.ts';
import type { BoundAccess } from './dpop-bound.ts';
import type { NoSession } from './session.ts';

/**
 * The publisher's session on an account connected by atproto OAuth: an `Agent` whose every request to her PDS
 * carries `Authorization: DPoP <token>` and a proof signed by the session's key (RFC 9449 §7), retried once with
 * the nonce a PDS asks for. The token is live when it arrives (the keep-alive machinery refreshed it); one the
 * PDS refuses is the worker's to renew, never a login here.
 */
export const blueskyOAuthSession = (
  account: BlueskyAccount,
  bound: BoundAccess,
  { fetch }: { fetch: typeof globalThis.fetch },
) => {
  const pds = new URL(account.baseUrl).origin;
  let handle: Promise<oauth.DPoPHandle> | undefined;
  // One handle per session: it keeps the PDS's nonce between requests.
  const dpop = () => (handle ??= keyPairOf(bound.key).then((pair) => oauth.DPoP({}, pair)));
  const send = async (url: string, init: RequestInit) =>
    oauth.protectedResourceRequest(
      bound.token,
      init.method ?? 'GET',
      new URL(url, pds),
      new Headers(init.headers),
      init.body as oauth.ProtectedResourceRequestBody,
      {
        DPoP: await dpop(),
        [oauth.customFetch]: fetch as unknown as NonNullable<
          oauth.ProtectedResourceRequestOptions[typeof oauth.customFetch]
        >,
        // Only one machine's fake PDS speaks plain http.
        ...(pds.startsWith('http:') ? { [oauth.allowInsecureRequests]: true } : {}),
      },
    );
  const fetchHandler = async (url: string, init: RequestInit): Promise<Response> => {
    try {
      return await send(url, init);
    } catch (error) {
      if (oauth.isDPoPNonceError(error)) {
        try {
          return await send(url, init);
        } catch (again) {
          if (again instanceof oauth.WWWAuthenticateChallengeError) return again.response;
          throw again;
        }
      }
      // Any other challenge (an expired or revoked token) is the PDS's answer: the agent reads its XRPC error.
      if (error instanceof oauth.WWWAuthenticateChallengeError) return error.response;
      throw error;
    }
  };
  const agent = new Agent({ did: bound.did, fetchHandler });
  return {
    agent,
    ensure: async (): Promise<NoSession | undefined> => undefined,
    login: async (): Promise<NoSession | undefined> => ({
      kind: 'needs_reconnect',
      detail: 'Bluesky OAuth: the PDS refused the session',
    }),
    lost: () => false,
    settle: async () => {},
    did: bound.did,
    handle: account.identifier,
  };
};
