import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RateLimits } from '../../ports/rate-limits.ts';
import { conditionally } from './conditional.ts';

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/**
 * Rate limits as table items, so every Lambda instance sees the same counts. A fixed window is one atomic
 * UpdateItem ADD; a cooldown is one conditional put. Both carry `expiresAt`, the table's TTL attribute, so
 * DynamoDB deletes them once they no longer matter (the code never relies on that: it compares times itself).
 */
export const dynamoRateLimits = (doc: DynamoDBDocumentClient, tableName: string): RateLimits => ({
  hit: async (key, { limit, windowSeconds }, now) => {
    const start = Math.floor(seconds(now) / windowSeconds) * windowSeconds;
    const end = start + windowSeconds;
    const { Attributes } = await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: `RATE#${key}`, sk: `WINDOW#${start}` },
        UpdateExpression: 'ADD hits :one SET expiresAt = if_not_exists(expiresAt, :end)',
        ExpressionAttributeValues: { ':one': 1, ':end': end },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    const hits = Number(Attributes?.hits ?? 0);
    return hits <= limit ? { ok: true } : { ok: false, retryAfterSeconds: Math.max(1, end - seconds(now)) };
  },

  cooldown: async (key, period, now) => {
    const until = seconds(now) + period;
    const claimed = await conditionally(() =>
      doc.send(
        new PutCommand({
          TableName: tableName,
          Item: { pk: `COOLDOWN#${key}`, sk: 'COOLDOWN', until, expiresAt: until },
          ConditionExpression: 'attribute_not_exists(pk) OR #until <= :now',
          ExpressionAttributeNames: { '#until': 'until' },
          ExpressionAttributeValues: { ':now': seconds(now) },
        }),
      ),
    );
    if (claimed) return { ok: true };
    const { Item } = await doc.send(
      new GetCommand({
        TableName: tableName,
        Key: { pk: `COOLDOWN#${key}`, sk: 'COOLDOWN' },
        ConsistentRead: true,
      }),
    );
    return { ok: false, retryAfterSeconds: Math.max(1, Number(Item?.until ?? until) - seconds(now)) };
  },
});
