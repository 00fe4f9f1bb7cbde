import type { webcrypto } from 'node:crypto';
import * as oauth from 'oauth4webapi';

export type JsonWebKey = webcrypto.JsonWebKey;

const EC = { name: 'ECDSA', namedCurve: 'P-256' } as const;

/** A new ES256 key for one session's DPoP proofs, as a private JWK: kept sealed with the tokens bound to it. */
export const newDpopKey = async (): Promise<JsonWebKey> => {
  const pair = await oauth.generateKeyPair('ES256', { extractable: true });
  return crypto.subtle.exportKey('jwk', pair.privateKey);
};

/** The private key to sign with (never extractable again) and its public half, which proofs carry. */
export const keyPairOf = async (jwk: JsonWebKey): Promise<webcrypto.CryptoKeyPair> => {
  const { d: _private, key_ops: _ops, ext: _ext, ...publicJwk } = jwk;
  const [privateKey, publicKey] = await Promise.all([
    crypto.subtle.importKey('jwk', jwk, EC, false, ['sign']),
    crypto.subtle.importKey('jwk', publicJwk, EC, true, ['verify']),
  ]);
  return { privateKey, publicKey };
};

/** The public half of a private JWK, as a client's metadata publishes it (its `kid` kept). */
export const publicJwkOf = ({ kty, crv, x, y, kid }: JsonWebKey & { kid?: string }) => ({
  kty,
  crv,
  x,
  y,
  ...(kid ? { kid } : {}),
  use: 'sig',
  alg: 'ES256',
});
