import { createSecretKey, type KeyObject } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { SubscriberId } from '../../domain/subscriber.ts';
import type { LinkPurpose, LinkTokens } from '../../ports/link-tokens.ts';

export type SigningKey = { id: string; secret: string };

/**
 * Link tokens as compact JWS (HS256) by `jose`: the key id in the header, the subscriber and purpose as claims.
 * `keys[0]` signs; every key verifies, so rotation is: add a key first, wait, then drop the old one.
 */
export const jwsLinkTokens = (
  keys: readonly SigningKey[],
  now: () => Date = () => new Date(),
): LinkTokens => {
  const [current] = keys;
  if (!current) throw new Error('link tokens need at least one key');
  // Key objects made once: given raw bytes, jose would import the key again for every link it signs.
  const encoded = new Map(keys.map((key) => [key.id, createSecretKey(Buffer.from(key.secret, 'utf8'))]));
  for (const key of keys)
    if (key.secret.length < 32) throw new Error(`link key ${key.id} is shorter than 32 characters`);

  return {
    sign: async ({ purpose, subscriberId }, options = {}) => {
      const jwt = new SignJWT({ pur: purpose })
        .setProtectedHeader({ alg: 'HS256', kid: current.id })
        .setSubject(subscriberId)
        .setIssuedAt(Math.floor(now().getTime() / 1000));
      if (options.expiresInSeconds !== undefined)
        jwt.setExpirationTime(Math.floor(now().getTime() / 1000) + options.expiresInSeconds);
      return jwt.sign(encoded.get(current.id) as KeyObject);
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
