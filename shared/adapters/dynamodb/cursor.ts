import { InvalidCursorError } from '../../domain/invalid-cursor.ts';

// A table key and an index key, each far below DynamoDB's 2 KiB, base64url-encoded with their names.
const MAX_CURSOR = 4096;

/** DynamoDB's LastEvaluatedKey as an opaque string for an API or a checkpoint. */
export const encodeCursor = (key: Record<string, unknown> | undefined): string | undefined =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;

/** The key back, or undefined for no cursor; an undecodable one throws InvalidCursorError. */
export const decodeCursor = (cursor: string | undefined): Record<string, unknown> | undefined => {
  if (!cursor) return undefined;
  if (cursor.length > MAX_CURSOR || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw new InvalidCursorError();
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof key === 'object' && key !== null && !Array.isArray(key)) return key as Record<string, unknown>;
  } catch (error) {
    throw new InvalidCursorError({ cause: error });
  }
  throw new InvalidCursorError();
};
