/**
 * One OAuth 2.0 authorization server the author signs in with: a social network (X, LinkedIn, Threads,
 * Facebook, one Mastodon instance) or, next, a music platform (Spotify, YouTube). The machinery that connects
 * and refreshes is written once against this description, never per network.
 */
export type OAuthProvider = {
  /** Stable key of the connection: `x`, `linkedin`, `mastodon`… one connected account each. */
  id: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  /** Absent where the network offers no revocation: "Déconnecter" then only forgets the tokens. */
  revocationEndpoint?: string;
  scopes: readonly string[];
  clientId: string;
  /** The operator's app secret (a deploy setting); absent for a public client (PKCE only). */
  clientSecret?: string;
  /**
   * How the client proves itself at the token endpoint. `private_key_jwt`: an assertion signed by the client's
   * key (atproto's confidential clients), the private JWK held, as JSON, where a secret would be.
   */
  clientAuth: 'basic' | 'post' | 'none' | 'private_key_jwt';
  /** Each refresh answers a new refresh token and kills the old one (X): it must be saved before use. */
  rotatesRefreshTokens: boolean;
  /**
   * Meta's long-lived tokens (sign-in.ts): `threads` is kept alive by its own renewal call (the LongLivedTokens
   * port) instead of a refresh token.
   */
  longLived?: 'threads' | 'facebook';
};

/** What a token endpoint answered, in the clock's time: absent dates mean the network did not say. */
export type TokenSet = {
  accessToken: string;
  refreshToken?: string;
  accessExpiresAt?: string;
  scope?: string;
};
