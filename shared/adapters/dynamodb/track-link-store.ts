import { createHash } from 'node:crypto';
import { BatchGetCommand, type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { TrackResolution } from '../../domain/music/track-resolution.ts';
import type { TrackLinkStore } from '../../ports/track-link-store.ts';
import { conditionally } from './conditional.ts';

/** BatchGetItem reads at most 100 keys a call. */
const BATCH_SIZE = 100;
const MAX_BATCH_ATTEMPTS = 8;

export class TrackLinkReadError extends Error {
  override name = 'TrackLinkReadError';
}

/**
 * A track URL may be 2,048 characters, past DynamoDB's 2,048-byte partition key once prefixed (and URLs with
 * non-ASCII paths are longer in UTF-8): the key holds a SHA-256 of the cache key, the item the key itself.
 */
const itemKey = (key: string) => ({
  pk: `TRACK#${createHash('sha256').update(key).digest('base64url')}`,
  sk: 'RESOLUTION',
});

const resolutionOf = (item: Record<string, unknown>): TrackResolution => {
  const { pk: _pk, sk: _sk, kind: _kind, ...resolution } = item;
  return resolution as TrackResolution;
};

type Key = { pk: string; sk: string };

/**
 * The resolver's answers, one item per track URL key. A `failed` answer never replaces a real one: a late
 * retry that gave up must not erase what another copy of the message resolved meanwhile.
 */
export const dynamoTrackLinkStore = (
  doc: DynamoDBDocumentClient,
  tableName: string,
  { pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)) } = {},
): TrackLinkStore => ({
  getMany: async (keys) => {
    const found = new Map<string, TrackResolution>();
    // One batch may not name a key twice.
    const unique = [...new Set(keys)];
    for (let start = 0; start < unique.length; start += BATCH_SIZE) {
      const items = await readAll(
        doc,
        tableName,
        unique.slice(start, start + BATCH_SIZE).map(itemKey),
        pause,
      );
      for (const item of items) {
        const resolution = resolutionOf(item);
        found.set(resolution.key, resolution);
      }
    }
    return found;
  },

  save: async (resolution) => {
    const item = { ...itemKey(resolution.key), kind: 'track-resolution', ...resolution };
    const put = new PutCommand({
      TableName: tableName,
      Item: item,
      ...(resolution.status === 'failed'
        ? {
            ConditionExpression: 'attribute_not_exists(pk) OR #status = :failed',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':failed': 'failed' },
          }
        : {}),
    });
    // A refused `failed` write is the rule above at work, not an error.
    await conditionally(() => doc.send(put));
  },
});

/** BatchGetItem may leave keys unprocessed under throttling or size limits: those are asked again, with a pause. */
const readAll = async (
  doc: DynamoDBDocumentClient,
  tableName: string,
  keys: Key[],
  pause: (ms: number) => Promise<void>,
) => {
  const items: Record<string, unknown>[] = [];
  let pending = keys;
  for (let attempt = 1; pending.length > 0; attempt += 1) {
    if (attempt > MAX_BATCH_ATTEMPTS)
      throw new TrackLinkReadError(
        `${pending.length} track links left unread after ${MAX_BATCH_ATTEMPTS} calls`,
      );
    if (attempt > 1) await pause(Math.min(50 * 2 ** attempt, 2_000));
    const { Responses, UnprocessedKeys } = await doc.send(
      new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }),
    );
    items.push(...(Responses?.[tableName] ?? []));
    pending = (UnprocessedKeys?.[tableName]?.Keys ?? []) as Key[];
  }
  return items;
};
