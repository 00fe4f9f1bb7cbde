import { DecryptCommand, EncryptCommand, type KMSClient } from '@aws-sdk/client-kms';
import type { TokenSealer } from '../../ports/token-sealer.ts';

export class KmsSealError extends Error {
  override name = 'KmsSealError';
}

// Bound to every ciphertext: a blob sealed for another purpose with the same key does not open here.
export const KMS_TOKEN_CONTEXT = { purpose: 'dimanche-connected-account' };

/**
 * Tokens sealed by KMS on AWS: the key never leaves KMS, each use is in CloudTrail, and revoking the functions'
 * grant makes every stored token unreadable at once. A token set is far under KMS's 4 KB plaintext limit, so
 * one Encrypt call per seal; `kms.v1.<base64url ciphertext>` (the ciphertext names its key).
 */
export const kmsTokenSealer = (kms: KMSClient, keyId: string): TokenSealer => ({
  seal: async (plaintext) => {
    let CiphertextBlob: Uint8Array | undefined;
    try {
      ({ CiphertextBlob } = await kms.send(
        new EncryptCommand({
          KeyId: keyId,
          Plaintext: Buffer.from(plaintext, 'utf8'),
          EncryptionContext: KMS_TOKEN_CONTEXT,
        }),
      ));
    } catch (cause) {
      // Named, like a failed open: a disabled key, a throttle or a token set over 4 KB is the caller's to report.
      throw new KmsSealError('KMS would not seal the token', { cause });
    }
    if (!CiphertextBlob) throw new KmsSealError('KMS answered no ciphertext');
    return `kms.v1.${Buffer.from(CiphertextBlob).toString('base64url')}`;
  },
  open: async (sealed) => {
    const [scheme, version, body] = sealed.split('.');
    if (scheme !== 'kms' || version !== 'v1' || !body) throw new KmsSealError('not a KMS-sealed token');
    try {
      const { Plaintext } = await kms.send(
        new DecryptCommand({
          KeyId: keyId,
          CiphertextBlob: Buffer.from(body, 'base64url'),
          EncryptionContext: KMS_TOKEN_CONTEXT,
        }),
      );
      if (!Plaintext) throw new KmsSealError('KMS answered no plaintext');
      return Buffer.from(Plaintext).toString('utf8');
    } catch (cause) {
      if (cause instanceof KmsSealError) throw cause;
      throw new KmsSealError('KMS would not open the sealed token', { cause });
    }
  },
});
