import type { OAuthProvider } from '../domain/accounts/oauth-provider.ts';
import type { TokenAnswer } from './oauth-client.ts';

/**
 * Meta's way of staying connected (Threads): the consent page gives a short-lived token, traded at once for a
 * 60-day one, which is then renewed by its own call before it dies rather than by a refresh token.
 */
export type LongLivedTokens = {
  exchange: (provider: OAuthProvider, shortLived: string) => Promise<TokenAnswer>;
  /** A new 60-day token for a live one (at least a day old, at Meta). */
  renew: (provider: OAuthProvider, longLived: string) => Promise<TokenAnswer>;
};
