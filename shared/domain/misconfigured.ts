/**
 * A setting that cannot work (a key too short, a rate of zero, two networks under one id): thrown when the
 * function starts, so a bad deploy fails at once and loudly rather than on Sunday morning.
 */
export class MisconfiguredError extends Error {
  override name = 'MisconfiguredError';
}
