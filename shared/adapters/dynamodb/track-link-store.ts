import { createHash } from 'node:crypto';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { TrackResolution } from '../../domain/music/track-resolution.ts';
import type { TrackLinkStore } from '../../ports/track-link-store.ts';
import { readInBatches, sleep } from './batches.ts';
import { conditionally } from './conditional.ts';

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

/**
 * The resolver's answers, one item per track URL key. A `failed` answer never replaces a real one: a late
 * retry that gave up must not erase what another copy of the message resolved meanwhile.
 */
export const dynamoTrackLinkStore = (
  doc: DynamoDBDocumentClient,
  tableName: string,
  { pause = sleep } = {},
): TrackLinkStore => ({
  getMany: async (keys) => {
    const found = new Map<string, TrackResolution>();
    // One batch may not name a key twice.
    const unique = [...new Set(keys)];
    const items = await readInBatches(doc, tableName, unique.map(itemKey), { pause, what: 'track links' });
    for (const item of items) {
      const resolution = resolutionOf(item);
      found.set(resolution.key, resolution);
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
