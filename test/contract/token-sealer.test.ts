import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startKmsStandIn, type KmsStandIn } from '../../infra/local/stand-ins/kms/kms-stand-in.ts';
import { localTokenSealer } from '../../infra/local/runtime/local-token-sealer.ts';
import { kmsTokenSealer } from '../../shared/adapters/aws/kms-token-sealer.ts';
import { aesGcmSealer } from '../../shared/adapters/crypto/aes-gcm-sealer.ts';
import { kmsClient } from './kms-client.ts';
import { tokenSealerContract } from './token-sealer.contract.ts';

const folder = () => mkdtempSync(join(tmpdir(), 'dimanche-token-key-'));

let kms: KmsStandIn;
beforeAll(async () => {
  kms = await startKmsStandIn({ keys: 2 });
});
afterAll(async () => kms.close());

tokenSealerContract('AES-256-GCM with a key in hand', async () => ({
  sealer: aesGcmSealer(randomBytes(32)),
  otherKey: aesGcmSealer(randomBytes(32)),
}));

tokenSealerContract('a key file on one machine', async () => ({
  sealer: localTokenSealer(join(folder(), 'token-key')),
  otherKey: localTokenSealer(join(folder(), 'token-key')),
}));

tokenSealerContract('KMS (its stand-in)', async () => {
  const client = kmsClient(kms.url);
  const [key, other] = kms.keyArns;
  return { sealer: kmsTokenSealer(client, key ?? ''), otherKey: kmsTokenSealer(client, other ?? '') };
});

describe('the key file on one machine', () => {
  it('is kept across instances, so yesterday’s accounts open today', async () => {
    const keyFile = join(folder(), 'nested', 'token-key');
    const sealed = await localTokenSealer(keyFile).seal('her refresh token');
    expect(await localTokenSealer(keyFile).open(sealed)).toBe('her refresh token');
  });

  it('is readable by its owner only', () => {
    const keyFile = join(folder(), 'token-key');
    localTokenSealer(keyFile);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(keyFile, 'utf8'), 'base64url').byteLength).toBe(32);
  });

  it('is made once when several processes start on it at the same time', { timeout: 60_000 }, async () => {
    const keyFile = join(folder(), 'token-key');
    const run = promisify(execFile);
    const script = new URL('./seal-with-key-file.ts', import.meta.url).pathname;
    const tsx = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname;
    const sealed = await Promise.all(
      ['un', 'deux', 'trois'].map(async (word) => (await run(tsx, [script, keyFile, word])).stdout),
    );
    const kept = localTokenSealer(keyFile);
    expect(await Promise.all(sealed.map((blob) => kept.open(blob)))).toEqual(['un', 'deux', 'trois']);
  });
});
