import type { OAuthProvider, TokenSet } from '../domain/accounts/oauth-provider.ts';

export type TokenAnswer =
  | { ok: true; tokens: TokenSet }
  /** `refused`: the grant is dead (invalid_grant, revoked): only a new sign-in helps. `unavailable`: try again. */
  | {
      ok: false;
      error: 'refused' | 'unavailable';
      detail: string;
      /** The network said when to ask again (a 429's reset): asking before then only spends the limit. */
      retryAt?: string;
    };

/** OAuth 2.0 as the connect and refresh use cases need it, with PKCE; the adapter speaks the protocol. */
export type OAuthClient = {
  authorizationUrl: (
    provider: OAuthProvider,
    request: { state: string; codeVerifier: string; redirectUri: string },
  ) => Promise<string>;
  exchangeCode: (
    provider: OAuthProvider,
    grant: { code: string; codeVerifier: string; redirectUri: string },
  ) => Promise<TokenAnswer>;
  refresh: (provider: OAuthProvider, refreshToken: string) => Promise<TokenAnswer>;
  /** Best effort: the tokens are forgotten here whatever the network answers. */
  revoke: (provider: OAuthProvider, token: string) => Promise<void>;
};
