import { randomBytes } from 'node:crypto';

/** Eight characters she can read out on the phone: no 0/O or 1/I to confuse. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** The reference a studio error page shows and the log records beside the error, so she can quote it. */
export const errorReference = () =>
  Array.from(randomBytes(8), (byte) => ALPHABET[byte % ALPHABET.length]).join('');
