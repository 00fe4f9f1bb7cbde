import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { monotonicFactory } from 'ulid';
import type { IssueId } from '../../domain/issue.ts';
import type { IssueHold, StudioAction } from '../../domain/studio/issue-hold.ts';
import type { IssueHolds } from '../../ports/issue-holds.ts';
import { conditionally } from './conditional.ts';
import { queryAll } from './query-all.ts';

const holdKey = (id: IssueId) => ({ pk: `ISSUE#${id}`, sk: 'HOLD' });
const ACTION_PREFIX = 'ACTION#';
// Monotonic: two actions in the same millisecond (hold, then release) keep their order.
const ulid = monotonicFactory();

/** A hold is one item in the issue's partition, next to its actions (sorted by a ULID: oldest first). */
export const dynamoIssueHolds = (doc: DynamoDBDocumentClient, tableName: string): IssueHolds => ({
  get: async (id) => {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: holdKey(id), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { issueId, kind, by, at } = Item as IssueHold;
    return { issueId, kind, by, at };
  },
  hold: (hold) =>
    conditionally(() =>
      doc.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...holdKey(hold.issueId), ...hold },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    ),
  release: (id) =>
    conditionally(() =>
      doc.send(
        new DeleteCommand({
          TableName: tableName,
          Key: holdKey(id),
          ConditionExpression: 'attribute_exists(pk)',
        }),
      ),
    ),
  record: async (action) => {
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          pk: `ISSUE#${action.issueId}`,
          sk: `${ACTION_PREFIX}${ulid(Date.parse(action.at))}`,
          ...action,
        },
      }),
    );
  },
  actions: async (id) => {
    const found: StudioAction[] = [];
    for await (const page of queryAll(doc, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `ISSUE#${id}`, ':prefix': ACTION_PREFIX },
    }))
      for (const item of page.Items ?? []) {
        const { issueId, action, by, at, from, to } = item as StudioAction;
        found.push({ issueId, action, by, at, ...(from && to ? { from, to } : {}) });
      }
    return found;
  },
});
