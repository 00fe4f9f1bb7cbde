import { createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { errors, jwtVerify } from 'jose';
import type { SubscriberId } from '../../domain/subscriber.ts';
import type { LinkPurpose, LinkTokens } from '../../ports/link-tokens.ts';
import { MisconfiguredError } from '../../domain/misconfigured.ts';

const base64url = (json: string) => Buffer.from(json, 'utf8').toString('base64url');

export type SigningKey = { id: string; secret: string };

/**
 * Link tokens as compact JWS (HS256): the key id in the header, the subscriber and purpose as claims.
 * `keys[0]` signs; every key verifies, so rotation is: add a key first, wait, then drop the old one.
 * `jose` verifies; signing is one HMAC by node:crypto, byte for byte the token jose's SignJWT makes (a test
 * holds them equal): a campaign signs two links per reader, and jose's WebCrypto path (a key import and an
 * async job per signature) cost ~0.5 ms each, a twentieth of a sender's time per mail.
 */
export const jwsLinkTokens = (
  keys: readonly SigningKey[],
  now: () => Date = () => new Date(),
): LinkTokens => {
  const [current] = keys;
  if (!current) throw new MisconfiguredError('link tokens need at least one key');
  // Key objects made once: given raw bytes, jose would import the key again for every link it signs.
  const encoded = new Map(keys.map((key) => [key.id, createSecretKey(Buffer.from(key.secret, 'utf8'))]));
  for (const key of keys)
    if (key.secret.length < 32)
      throw new MisconfiguredError(`link key ${key.id} is shorter than 32 characters`);
  const signingKey = encoded.get(current.id) as KeyObject;
  const signingHeader = base64url(JSON.stringify({ alg: 'HS256', kid: current.id }));

  return {
    sign: async ({ purpose, subscriberId }, options = {}) => {
      const issuedAt = Math.floor(now().getTime() / 1000);
      // The claims in the order SignJWT writes them: its payload, then sub, iat, exp as they are set.
      const claims = {
        pur: purpose,
        sub: subscriberId,
        iat: issuedAt,
        ...(options.expiresInSeconds === undefined ? {} : { exp: issuedAt + options.expiresInSeconds }),
      };
      const input = `${signingHeader}.${base64url(JSON.stringify(claims))}`;
      return `${input}.${createHmac('sha256', signingKey).update(input).digest('base64url')}`;
    },

    verify: async (token, purpose) => {
      try {
        const { payload } = await jwtVerify(
          token,
          async ({ kid }) => {
            const key = kid ? encoded.get(kid) : undefined;
            if (!key) throw new errors.JWSSignatureVerificationFailed('unknown key id');
            return key;
          },
          { algorithms: ['HS256'], currentDate: now() },
        );
        if (payload.pur !== purpose) return { ok: false, error: 'wrong_purpose' };
        if (typeof payload.sub !== 'string' || !payload.sub.startsWith('sub_'))
          return { ok: false, error: 'invalid' };
        return {
          ok: true,
          claims: { purpose: payload.pur as LinkPurpose, subscriberId: payload.sub as SubscriberId },
        };
      } catch (error) {
        if (error instanceof errors.JWTExpired) return { ok: false, error: 'expired' };
        if (error instanceof errors.JOSEError) return { ok: false, error: 'invalid' };
        throw error;
      }
    },
  };
};
