import type { OAuthProvider } from './oauth-provider.ts';

/**
 * How she connects a network from Réglages, as a row of the network registry says it:
 * - `oauth`: the network's consent page, one developer app the operator registered (X, LinkedIn, Threads,
 *   Facebook). `longLived`: Meta answers a short-lived token that is traded for a 60-day one, which is then
 *   kept alive by its own refresh call rather than a refresh token.
 * - `instance-oauth`: the same on her own server, whose address she types, with an app registered there on the
 *   fly (Mastodon's `POST /api/v1/apps`).
 * - `app-password`: her handle and an app password made for Dimanche (Bluesky, never her main password); the
 *   session it opens rotates like a refresh token.
 */
export type SignIn =
  | {
      kind: 'oauth';
      authorizationEndpoint: string;
      tokenEndpoint: string;
      revocationEndpoint?: string;
      scopes: readonly string[];
      /** Asked instead when the operator's app has LinkedIn's Community Management API (see OperatorApp). */
      communityManagementScopes?: readonly string[];
      clientAuth: OAuthProvider['clientAuth'];
      rotatesRefreshTokens: boolean;
      longLived?: 'threads' | 'facebook';
    }
  | { kind: 'instance-oauth'; scopes: readonly string[] }
  | { kind: 'app-password' };

/** The operator's developer app for one network: deploy settings, never in the repo. */
export type OperatorApp = {
  clientId: string;
  clientSecret?: string;
  /**
   * LinkedIn granted the app its Community Management API (posting as a page): it then refuses the OpenID
   * scopes, so the sign-in asks the row's `communityManagementScopes` instead.
   */
  communityManagement?: boolean;
  /** An atproto confidential client's ES256 private key (Bluesky), a JWK: it signs its client assertions. */
  privateJwk?: Readonly<Record<string, string>>;
};

/**
 * The provider the connect and refresh machinery works with, for a network signed in by OAuth. `origin`
 * replaces the network's own (one machine's fake of it); a Mastodon instance is her server's address.
 */
export const oauthProviderFor = (
  id: string,
  signIn: SignIn,
  app: OperatorApp,
  options: { origin?: string; instance?: string } = {},
): OAuthProvider | undefined => {
  const moved = (url: string) =>
    options.origin ? new URL(new URL(url).pathname + new URL(url).search, options.origin).href : url;
  const secret = app.clientSecret === undefined ? {} : { clientSecret: app.clientSecret };
  if (signIn.kind === 'oauth')
    return {
      id,
      authorizationEndpoint: moved(signIn.authorizationEndpoint),
      tokenEndpoint: moved(signIn.tokenEndpoint),
      ...(signIn.revocationEndpoint ? { revocationEndpoint: moved(signIn.revocationEndpoint) } : {}),
      scopes: (app.communityManagement && signIn.communityManagementScopes) || signIn.scopes,
      clientId: app.clientId,
      ...secret,
      clientAuth: app.clientSecret === undefined ? 'none' : signIn.clientAuth,
      rotatesRefreshTokens: signIn.rotatesRefreshTokens,
      ...(signIn.longLived ? { longLived: signIn.longLived } : {}),
    };
  if (signIn.kind === 'app-password' && app.privateJwk) return atprotoProvider(id, app, moved);
  if (signIn.kind === 'instance-oauth' && options.instance) {
    const server = new URL(options.instance).origin;
    return {
      id,
      authorizationEndpoint: `${server}/oauth/authorize`,
      tokenEndpoint: `${server}/oauth/token`,
      revocationEndpoint: `${server}/oauth/revoke`,
      scopes: signIn.scopes,
      clientId: app.clientId,
      ...secret,
      clientAuth: app.clientSecret === undefined ? 'none' : 'post',
      rotatesRefreshTokens: false,
    };
  }
  return undefined;
};

/** Most accounts' authorization server (Bluesky's entryway); an account's own is kept with its tokens. */
const ATPROTO_ENTRYWAY = 'https://bsky.social';

/**
 * Bluesky signed in by atproto OAuth, with the operator's confidential client: each account's token endpoint is
 * its PDS's authorization server, learned when she connected and kept with its tokens, so the endpoints here
 * are the entryway's, for show. Refresh tokens rotate.
 */
const atprotoProvider = (id: string, app: OperatorApp, moved: (url: string) => string): OAuthProvider => ({
  id,
  authorizationEndpoint: moved(`${ATPROTO_ENTRYWAY}/oauth/authorize`),
  tokenEndpoint: moved(`${ATPROTO_ENTRYWAY}/oauth/token`),
  scopes: ['atproto', 'transition:generic'],
  clientId: app.clientId,
  clientSecret: JSON.stringify(app.privateJwk),
  clientAuth: 'private_key_jwt',
  rotatesRefreshTokens: true,
});
