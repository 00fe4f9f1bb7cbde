import { inspect } from 'node:util';
import { DecryptCommand, EncryptCommand } from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKmsStandIn, type KmsStandIn } from '../../infra/local/stand-ins/kms/kms-stand-in.ts';
import { KmsSealError, kmsTokenSealer } from '../../shared/adapters/aws/kms-token-sealer.ts';
import { kmsClient } from './kms-client.ts';

let kms: KmsStandIn;
let key: string;
let other: string;
beforeAll(async () => {
  kms = await startKmsStandIn({ keys: 2 });
  [key = '', other = ''] = kms.keyArns;
});
afterAll(async () => kms.close());

type Failure = Error & { cause?: { name?: string } };

const failureOf = async (promise: Promise<unknown>): Promise<Failure> =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as Failure,
  );

const encrypt = (context: Record<string, string>, keyId = key) =>
  kmsClient(kms.url).send(
    new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('jeton'), EncryptionContext: context }),
  );

describe('the KMS stand-in, as unkind as KMS', () => {
  it('binds a ciphertext to its encryption context: another context is InvalidCiphertextException', async () => {
    const { CiphertextBlob } = await encrypt({ purpose: 'dimanche-connected-account' });
    const client = kmsClient(kms.url);
    const opened = await client.send(
      new DecryptCommand({ CiphertextBlob, EncryptionContext: { purpose: 'dimanche-connected-account' } }),
    );
    expect(Buffer.from(opened.Plaintext ?? []).toString()).toBe('jeton');
    expect(opened.KeyId).toBe(key);
    for (const EncryptionContext of [
      { purpose: 'other' },
      {},
      { purpose: 'dimanche-connected-account', x: 'y' },
    ])
      expect(
        (await failureOf(client.send(new DecryptCommand({ CiphertextBlob, EncryptionContext })))).name,
      ).toBe('InvalidCiphertextException');
  });

  it('binds a ciphertext to its key: naming another is IncorrectKeyException, a changed byte invalid', async () => {
    const { CiphertextBlob = new Uint8Array() } = await encrypt({});
    const client = kmsClient(kms.url);
    expect((await failureOf(client.send(new DecryptCommand({ CiphertextBlob, KeyId: other })))).name).toBe(
      'IncorrectKeyException',
    );
    const changed = Uint8Array.from(CiphertextBlob);
    changed[changed.length - 3] = (changed[changed.length - 3] ?? 0) ^ 1;
    expect((await failureOf(client.send(new DecryptCommand({ CiphertextBlob: changed })))).name).toBe(
      'InvalidCiphertextException',
    );
  });

  it('answers DisabledException for a disabled key, both ways, until it is enabled again', async () => {
    const sealer = kmsTokenSealer(kmsClient(kms.url), other);
    const sealed = await sealer.seal('jeton');
    kms.setEnabled(other, false);
    try {
      const sealing = await failureOf(sealer.seal('jeton'));
      expect(sealing).toBeInstanceOf(KmsSealError);
      expect(sealing.cause?.name).toBe('DisabledException');
      expect((await failureOf(sealer.open(sealed))).cause?.name).toBe('DisabledException');
    } finally {
      kms.setEnabled(other, true);
    }
    expect(await sealer.open(sealed)).toBe('jeton');
  });

  it('refuses a plaintext over 4096 bytes, and the refusal carries none of it', async () => {
    const sealer = kmsTokenSealer(kmsClient(kms.url), key);
    expect(await sealer.open(await sealer.seal('é'.repeat(2048)))).toBe('é'.repeat(2048));
    const secret = `secret-${'x'.repeat(4096)}`;
    const refused = await failureOf(sealer.seal(secret));
    expect(refused).toBeInstanceOf(KmsSealError);
    expect(refused.cause?.name).toBe('ValidationException');
    expect(inspect(refused, { depth: 12, showHidden: true })).not.toContain('secret-xxxx');
  });

  it('throttles on demand: the SDK’s retries ride out a short burst, a long one is a named failure', async () => {
    kms.throttleNext(2);
    const patient = kmsTokenSealer(kmsClient(kms.url, 3), key);
    expect(await patient.open(await patient.seal('jeton'))).toBe('jeton');
    kms.throttleNext(1);
    const throttled = await failureOf(kmsTokenSealer(kmsClient(kms.url, 1), key).seal('jeton'));
    expect(throttled).toBeInstanceOf(KmsSealError);
    expect(throttled.cause?.name).toBe('ThrottlingException');
  });

  it('knows only Encrypt and Decrypt, and only its own keys', async () => {
    const missing = key.replace(/key\/.*/, 'key/00000000-0000-0000-0000-000000000000');
    expect((await failureOf(encrypt({}, missing))).name).toBe('NotFoundException');
  });
});
