import type { JsonWebKey } from '../../oauth/dpop-key.ts';

/**
 * A token from atproto OAuth is bound to the session's DPoP key (RFC 9449): useless without it, and the key
 * useless without it. They are kept as one opaque value, sealed wherever a token is (the connected account),
 * so the machinery that stores, refreshes and hands out tokens needs to know nothing of DPoP.
 */
export type BoundAccess = { kind: 'access'; token: string; key: JsonWebKey; did: string };
export type BoundRefresh = {
  kind: 'refresh';
  token: string;
  key: JsonWebKey;
  did: string;
  /** The client the grant was given to: a refresh token is bound to it as much as to the key. */
  clientId: string;
  /** Her PDS's authorization server, learned when she connected: refreshes go there, and nowhere else. */
  issuer: string;
  tokenEndpoint: string;
  /** Where Déconnecter withdraws the grant, when her server offers it (RFC 7009). */
  revocationEndpoint?: string;
};
export type Bound = BoundAccess | BoundRefresh;

const PREFIX = 'atproto-dpop.';

export const bind = (value: Bound) => `${PREFIX}${Buffer.from(JSON.stringify(value)).toString('base64url')}`;

/** The bound token inside, or undefined for any other secret (an app password). */
export const unbind = <K extends Bound['kind']>(
  kind: K,
  text: string,
): Extract<Bound, { kind: K }> | undefined => {
  if (!text.startsWith(PREFIX)) return undefined;
  try {
    const value = JSON.parse(Buffer.from(text.slice(PREFIX.length), 'base64url').toString('utf8')) as Bound;
    return value.kind === kind ? (value as Extract<Bound, { kind: K }>) : undefined;
  } catch {
    return undefined;
  }
};
