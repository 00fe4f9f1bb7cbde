import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { TokenSealer } from '../../ports/token-sealer.ts';

export class SealBrokenError extends Error {
  override name = 'SealBrokenError';
}

/**
 * AES-256-GCM with a 32-byte key: one machine's sealer (its key in the data folder, never in the repo), and the
 * data-key half of envelope encryption on AWS. `v1.<iv>.<tag>.<ciphertext>`, base64url: a changed byte fails.
 */
export const aesGcmSealer = (key: Uint8Array): TokenSealer => {
  if (key.byteLength !== 32) throw new RangeError(`an AES-256 key is 32 bytes, not ${key.byteLength}`);
  return {
    seal: async (plaintext) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), body]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open: async (sealed) => {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || body === undefined)
        throw new SealBrokenError('not a sealed token');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
        decipher.setAuthTag(Buffer.from(tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
          'utf8',
        );
      } catch (cause) {
        throw new SealBrokenError('the sealed token was changed or sealed with another key', { cause });
      }
    },
  };
};
