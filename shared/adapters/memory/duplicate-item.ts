/** A write that must create its item found one there: with random secrets as keys, a bug, never a race. */
export class DuplicateItemError extends Error {
  override name = 'DuplicateItemError';
}
