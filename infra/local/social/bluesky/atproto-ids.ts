import { createHash, randomBytes } from 'node:crypto';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const BASE32_SORTABLE = '234567abcdefghijklmnopqrstuvwxyz';

/** RFC 4648 base32, lower case, no padding: the `b` multibase of CIDs. */
const base32 = (bytes: Uint8Array) => {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return bits > 0 ? out + BASE32[(value << (5 - bits)) & 31] : out;
};

/** A CIDv1 with a sha2-256 multihash: `raw` (0x55) for blobs, `dag-cbor` (0x71) for records. */
export const cidOf = (bytes: Uint8Array, codec: 'raw' | 'dag-cbor') => {
  const digest = createHash('sha256').update(bytes).digest();
  return `b${base32(Buffer.concat([Buffer.from([0x01, codec === 'raw' ? 0x55 : 0x71, 0x12, 0x20]), digest]))}`;
};

let lastMicros = 0;
/** A TID for now (https://atproto.com/specs/tid): what the PDS mints when the client gives no key. */
export const nextTid = () => {
  lastMicros = Math.max(Date.now() * 1000, lastMicros + 1);
  let value = (BigInt(lastMicros) << 10n) | BigInt(randomBytes(2).readUInt16BE(0) & 0x3ff);
  let tid = '';
  for (let i = 0; i < 13; i += 1) {
    tid = BASE32_SORTABLE[Number(value & 31n)] + tid;
    value >>= 5n;
  }
  return tid;
};

export const isTid = (value: string) => /^[234567a-j][2-7a-z]{12}$/.test(value);
export const isRecordKey = (value: string) =>
  /^[a-zA-Z0-9_~.:-]{1,512}$/.test(value) && value !== '.' && value !== '..';

/** Opaque to the client, but shaped like the PDS's JWTs. */
export const fakeJwt = (scope: string, did: string) => {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'HS256', typ: scope === 'com.atproto.refresh' ? 'refresh+jwt' : 'at+jwt' })}.${part({
    scope,
    sub: did,
    iat: now,
    jti: randomBytes(8).toString('hex'),
  })}.${randomBytes(16).toString('base64url')}`;
};
