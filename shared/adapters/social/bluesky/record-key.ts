import { createHash } from 'node:crypto';

const BASE32_SORTABLE = '234567abcdefghijklmnopqrstuvwxyz';
/** https://atproto.com/specs/tid: 13 base32-sortable characters, the top bit zero (first character 2–j). */
const TID = /^[234567a-j][2-7a-z]{12}$/;

/** 2023-01-01T00:00:00Z in microseconds, and one year: a hashed key always names a moment in the past. */
const WINDOW_START_US = 1_672_531_200_000_000n;
const WINDOW_US = 365n * 86_400_000_000n;

export const isTid = (value: string) => TID.test(value);

/**
 * The record key of our post, the same for every attempt with the same idempotency key: a second
 * createRecord with it fails instead of posting twice. `app.bsky.feed.post` declares `"key": "tid"`, so the
 * key must be a TID. A key that already is one is used as is (a worker that mints a TID at its first attempt
 * gets a key that also tells when); any other is hashed into a TID whose time is fixed but meaningless.
 */
export const recordKeyFor = (idempotencyKey: string): string => {
  if (isTid(idempotencyKey)) return idempotencyKey;
  const digest = createHash('sha256').update(idempotencyKey).digest();
  const micros = WINDOW_START_US + (digest.readBigUInt64BE(0) % WINDOW_US);
  const clockId = BigInt(digest.readUInt16BE(8) & 0x3ff);
  return encode((micros << 10n) | clockId);
};

const encode = (value: bigint) => {
  let tid = '';
  for (let shift = 60n; shift >= 0n; shift -= 5n) tid += BASE32_SORTABLE[Number((value >> shift) & 31n)];
  return tid;
};
