import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { InvalidCursorError } from '../../domain/invalid-cursor.ts';
import type { SubscriberStore } from '../../ports/subscriber-store.ts';
import { conditionally } from './conditional.ts';
import { queryAll } from './query-all.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { fromSubscriberItem, isStartKeyFor, subscriberKey, toSubscriberItem } from './subscriber-item.ts';

export const dynamoSubscriberStore = (doc: DynamoDBDocumentClient, tableName: string): SubscriberStore => ({
  get: async (id) => {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: subscriberKey(id), ConsistentRead: true }),
    );
    return Item ? fromSubscriberItem(Item) : undefined;
  },

  create: (subscriber) =>
    conditionally(() =>
      doc.send(
        new PutCommand({
          TableName: tableName,
          Item: toSubscriberItem(subscriber),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    ),

  replace: (next, expected) => {
    const read = next.version ?? 0;
    return conditionally(() =>
      doc.send(
        new PutCommand({
          TableName: tableName,
          Item: toSubscriberItem({ ...next, version: read + 1 }),
          ConditionExpression: `#status = :expected AND ${read === 0 ? 'attribute_not_exists(#version)' : '#version = :read'}`,
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: { ':expected': expected, ...(read === 0 ? {} : { ':read': read }) },
        }),
      ),
    );
  },

  suppress: async (id, reason, at) => {
    // A put, not an update: every personal attribute goes with the old item.
    await conditionally(() =>
      doc.send(
        new PutCommand({
          TableName: tableName,
          Item: toSubscriberItem({ id, status: 'suppressed', reason, suppressedAt: at }),
          ConditionExpression: 'attribute_not_exists(pk) OR #status <> :suppressed',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':suppressed': 'suppressed' },
        }),
      ),
    );
  },

  remove: async (id) => {
    await doc.send(new DeleteCommand({ TableName: tableName, Key: subscriberKey(id) }));
  },

  listByStatus: async (status, { limit, cursor }) => {
    const start = decodeCursor(cursor);
    if (start && !isStartKeyFor(status, start)) throw new InvalidCursorError();
    const { Items = [], LastEvaluatedKey } = await doc.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': `SUBSCRIBERS#${status}` },
        Limit: limit,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    const next = encodeCursor(LastEvaluatedKey);
    return { items: Items.map(fromSubscriberItem), ...(next ? { cursor: next } : {}) };
  },

  countByStatus: async (status) => {
    let count = 0;
    const pages = queryAll(doc, {
      TableName: tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `SUBSCRIBERS#${status}` },
      Select: 'COUNT',
    });
    for await (const page of pages) count += page.Count ?? 0;
    return count;
  },
});
