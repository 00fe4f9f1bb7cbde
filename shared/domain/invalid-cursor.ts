/**
 * A paging cursor that no page of this listing handed out (altered, from another listing, or made up). The
 * cursor travels through clients, so this is the caller's mistake, answered as a 4xx naming `cursor`.
 */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
  constructor(options?: { cause?: unknown }) {
    super('the cursor is not one a previous page gave', options);
  }
}
