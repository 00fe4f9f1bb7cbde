import { BatchGetCommand, BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** DynamoDB's own limits per call. */
const WRITES_PER_CALL = 25;
const READS_PER_CALL = 100;
const MAX_CALLS = 8;

export type Key = { pk: string; sk: string };
export type WriteRequest =
  { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Key } };
export type Pause = (ms: number) => Promise<void>;

export const sleep: Pause = (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Items DynamoDB kept leaving unprocessed (throttling, size limits) after every retry. */
export class BatchIncompleteError extends Error {
  override name = 'BatchIncompleteError';
}

/**
 * Sends one chunk until DynamoDB has processed all of it: what a batch call leaves unprocessed is sent again
 * after a growing pause, as AWS asks; past `MAX_CALLS` it throws, naming `what`.
 */
const untilProcessed = async <T>(
  chunk: T[],
  call: (pending: T[]) => Promise<T[]>,
  { pause, what }: { pause: Pause; what: string },
) => {
  let pending = chunk;
  for (let attempt = 1; pending.length > 0; attempt += 1) {
    if (attempt > MAX_CALLS)
      throw new BatchIncompleteError(`${pending.length} ${what} left unprocessed after ${MAX_CALLS} calls`);
    if (attempt > 1) await pause(Math.min(50 * 2 ** (attempt - 2), 2_000));
    pending = await call(pending);
  }
};

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** Puts and deletes, 25 a call, in order. The caller makes sure no call names one key twice. */
export const writeInBatches = async (
  doc: DynamoDBDocumentClient,
  tableName: string,
  requests: readonly WriteRequest[],
  options: { pause: Pause; what: string },
) => {
  for (const chunk of chunks(requests, WRITES_PER_CALL))
    await untilProcessed(
      chunk,
      async (pending) => {
        const { UnprocessedItems } = await doc.send(
          new BatchWriteCommand({ RequestItems: { [tableName]: pending } }),
        );
        return (UnprocessedItems?.[tableName] ?? []) as WriteRequest[];
      },
      options,
    );
};

/** Strongly consistent reads, 100 keys a call; the items found, in no particular order. */
export const readInBatches = async (
  doc: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly Key[],
  options: { pause: Pause; what: string },
) => {
  const items: Record<string, unknown>[] = [];
  for (const chunk of chunks(keys, READS_PER_CALL))
    await untilProcessed(
      chunk,
      async (pending) => {
        const { Responses, UnprocessedKeys } = await doc.send(
          new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }),
        );
        items.push(...(Responses?.[tableName] ?? []));
        return (UnprocessedKeys?.[tableName]?.Keys ?? []) as Key[];
      },
      options,
    );
  return items;
};
