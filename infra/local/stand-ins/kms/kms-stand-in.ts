import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// KMS's symmetric Encrypt and Decrypt over its JSON 1.1 protocol (`X-Amz-Target: TrentService.<Operation>`,
// blobs as base64), as unkind as KMS: the ciphertext names its key and is bound to its encryption context.
// Requests are not signature-checked: the SDK signs them, which is all a stand-in could ask.

const MAX_PLAINTEXT = 4096;
const VERSION = 1;

type Key = { id: string; arn: string; material: Buffer; enabled: boolean };

export type KmsStandIn = {
  url: string;
  /** The ARN of each key made at start, in the order of `keys`. */
  keyArns: readonly string[];
  /** `DisabledException` for every use of the key until it is enabled again. */
  setEnabled: (keyArn: string, enabled: boolean) => void;
  /** The next `count` requests answer `ThrottlingException` (the SDK retries those: count its attempts). */
  throttleNext: (count: number) => void;
  close: () => Promise<void>;
};

class KmsError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** Encryption context, canonical: KMS binds the pairs, not their order. */
const contextBytes = (context: unknown): Buffer => {
  const pairs = Object.entries((context ?? {}) as Record<string, string>).sort(([a], [b]) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  return Buffer.from(JSON.stringify(pairs), 'utf8');
};

const uuidBytes = (id: string) => Buffer.from(id.replaceAll('-', ''), 'hex');
const uuidOf = (bytes: Buffer) =>
  bytes.toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

const readBody = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
};

/** One KMS region on 127.0.0.1 with `keys` symmetric keys, made fresh (their material dies with it). */
export const startKmsStandIn = async ({
  keys = 1,
  region = 'eu-west-3',
  account = '000000000000',
}: { keys?: number; region?: string; account?: string } = {}): Promise<KmsStandIn> => {
  const byId = new Map<string, Key>();
  for (let i = 0; i < keys; i += 1) {
    const id = randomUUID();
    byId.set(id, {
      id,
      arn: `arn:aws:kms:${region}:${account}:key/${id}`,
      material: randomBytes(32),
      enabled: true,
    });
  }
  let throttled = 0;

  const keyNamed = (keyId: unknown): Key => {
    const id = typeof keyId === 'string' ? keyId.replace(/^arn:aws:kms:[^:]+:\d+:key\//, '') : '';
    const key = byId.get(id);
    if (!key) throw new KmsError('NotFoundException', `Key '${String(keyId)}' does not exist`);
    return key;
  };
  const usable = (key: Key) => {
    if (!key.enabled) throw new KmsError('DisabledException', `${key.arn} is disabled.`);
    return key;
  };

  const encrypt = (body: Record<string, unknown>) => {
    const key = usable(keyNamed(body.KeyId));
    const plaintext = Buffer.from(String(body.Plaintext ?? ''), 'base64');
    if (plaintext.byteLength < 1 || plaintext.byteLength > MAX_PLAINTEXT)
      throw new KmsError(
        'ValidationException',
        `1 validation error detected: Value at 'plaintext' failed to satisfy constraint: Member must have length between 1 and ${MAX_PLAINTEXT}`,
      );
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key.material, iv);
    cipher.setAAD(contextBytes(body.EncryptionContext));
    const sealed = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const blob = Buffer.concat([Buffer.of(VERSION), uuidBytes(key.id), iv, cipher.getAuthTag(), sealed]);
    return {
      CiphertextBlob: blob.toString('base64'),
      KeyId: key.arn,
      EncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
    };
  };

  const decrypt = (body: Record<string, unknown>) => {
    const blob = Buffer.from(String(body.CiphertextBlob ?? ''), 'base64');
    const invalid = new KmsError('InvalidCiphertextException', '');
    if (blob.byteLength < 1 + 16 + 12 + 16 + 1 || blob[0] !== VERSION) throw invalid;
    const key = byId.get(uuidOf(blob.subarray(1, 17)));
    if (!key) throw invalid;
    if (body.KeyId !== undefined && keyNamed(body.KeyId) !== key)
      throw new KmsError(
        'IncorrectKeyException',
        'The key ID in the request does not identify a CMK that can perform this operation.',
      );
    usable(key);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key.material, blob.subarray(17, 29));
      decipher.setAAD(contextBytes(body.EncryptionContext));
      decipher.setAuthTag(blob.subarray(29, 45));
      const plaintext = Buffer.concat([decipher.update(blob.subarray(45)), decipher.final()]);
      return {
        Plaintext: plaintext.toString('base64'),
        KeyId: key.arn,
        EncryptionAlgorithm: 'SYMMETRIC_DEFAULT',
      };
    } catch {
      throw invalid;
    }
  };

  const answer = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID() });
    res.end(JSON.stringify(body));
  };

  const server = createServer((req, res) => {
    void (async () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      try {
        const body = await readBody(req);
        if (throttled > 0) {
          throttled -= 1;
          throw new KmsError('ThrottlingException', 'Rate exceeded');
        }
        if (target === 'TrentService.Encrypt') return answer(res, 200, encrypt(body));
        if (target === 'TrentService.Decrypt') return answer(res, 200, decrypt(body));
        throw new KmsError('UnknownOperationException', `not faked: ${target}`);
      } catch (error) {
        if (!(error instanceof KmsError))
          return answer(res, 500, { __type: 'KMSInternalException', message: '' });
        answer(res, 400, { __type: error.type, message: error.message });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    keyArns: [...byId.values()].map((key) => key.arn),
    setEnabled: (keyArn, enabled) => {
      keyNamed(keyArn).enabled = enabled;
    },
    throttleNext: (count) => {
      throttled = count;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};
