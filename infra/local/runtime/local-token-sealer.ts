import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { aesGcmSealer } from '../../../shared/adapters/crypto/aes-gcm-sealer.ts';
import type { TokenSealer } from '../../../shared/ports/token-sealer.ts';

/**
 * One machine's token key: 32 random bytes in the data folder (git-ignored, owner-only), made on first start and
 * kept, so accounts connected yesterday still open today. Deleting it forgets every connection, as losing the
 * KMS key would on AWS.
 */
export const localTokenSealer = (keyFile: string): TokenSealer => {
  let key: Buffer;
  try {
    key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64url');
  } catch {
    key = randomBytes(32);
    mkdirSync(dirname(keyFile), { recursive: true });
    // `wx`: two processes starting at once keep the first key, never overwrite it.
    try {
      writeFileSync(keyFile, key.toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch {
      key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64url');
    }
  }
  return aesGcmSealer(key);
};
