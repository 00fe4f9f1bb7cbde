import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { FROZEN_STATUSES, type Issue, type IssueId, type IssueStatus } from '../../domain/issue.ts';
import type { IssueStore } from '../../ports/issue-store.ts';
import { conditionally } from './conditional.ts';
import { feedKey, fromFeedItem, toFeedItem } from './feed-item.ts';
import {
  fromIssueItem,
  ISSUES_BY_SUNDAY,
  issueKey,
  renderKey,
  sundaySortKey,
  toIssueItem,
} from './issue-item.ts';
import { fromRenderItem, toRenderItem } from './render-item.ts';
import { dynamoSundayClaims } from './sunday-claim-store.ts';

export const dynamoIssueStore = (doc: DynamoDBDocumentClient, tableName: string): IssueStore => {
  const get = async (id: IssueId) => {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: issueKey(id), ConsistentRead: true }),
    );
    return Item ? fromIssueItem(Item) : undefined;
  };

  return {
    get,
    ...dynamoSundayClaims(doc, tableName),

    saveRevision: async (issue, expectedRevision) => {
      const [sending, sent] = FROZEN_STATUSES;
      const saved = await conditionally(() =>
        doc.send(
          new PutCommand({
            TableName: tableName,
            Item: toIssueItem(issue),
            ...(expectedRevision === undefined
              ? { ConditionExpression: 'attribute_not_exists(pk)' }
              : {
                  ConditionExpression: 'revision = :expected AND NOT (#status IN (:sending, :sent))',
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: {
                    ':expected': expectedRevision,
                    ':sending': sending,
                    ':sent': sent,
                  },
                }),
          }),
        ),
      );
      if (saved) return { ok: true };
      const current = await get(issue.id);
      if (current && FROZEN_STATUSES.includes(current.status)) return { ok: false, error: 'frozen', current };
      return current
        ? { ok: false, error: 'revision_conflict', current }
        : { ok: false, error: 'revision_conflict' };
    },

    saveRender: async (id, revision, rendered, at) => {
      await doc.send(
        new PutCommand({ TableName: tableName, Item: toRenderItem(id, revision, rendered, at) }),
      );
      const marked = await conditionally(() =>
        doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: issueKey(id),
            UpdateExpression: `SET renderedRevision = :revision, #status = :rendered, updatedAt = :at${
              rendered.linksVersion ? ', renderedLinks = :links' : ' REMOVE renderedLinks'
            }`,
            ConditionExpression: 'revision = :revision AND #status IN (:received, :rendered)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':revision': revision,
              ':rendered': 'rendered',
              ':received': 'received',
              ':at': at,
              ...(rendered.linksVersion ? { ':links': rendered.linksVersion } : {}),
            },
          }),
        ),
      );
      if (marked) return { current: true };
      return { current: (await get(id))?.renderedRevision === revision };
    },

    getRender: async (id, revision) => {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: renderKey(id, revision), ConsistentRead: true }),
      );
      return Item ? fromRenderItem(Item) : undefined;
    },

    setStatus: (id: IssueId, from: IssueStatus, to: IssueStatus, at: string) =>
      conditionally(() =>
        doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: issueKey(id),
            UpdateExpression: 'SET #status = :to, updatedAt = :at',
            ConditionExpression: '#status = :from',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':from': from, ':to': to, ':at': at },
          }),
        ),
      ),

    listBySunday: async ({ limit, before }) => {
      const { Items = [] } = await doc.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: before ? 'gsi1pk = :pk AND gsi1sk < :before' : 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': ISSUES_BY_SUNDAY, ...(before ? { ':before': before } : {}) },
          ScanIndexForward: false,
          Limit: limit,
        }),
      );
      return Items.map(fromIssueItem);
    },

    pageBySunday: async ({ limit, from, order = 'newest_first' }) => {
      const newestFirst = order === 'newest_first';
      const issues: Issue[] = [];
      // A query page also ends at 1 MB: long stories can cut it short of the limit, so read on.
      let start: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: 'gsi1',
            KeyConditionExpression: from
              ? `gsi1pk = :pk AND gsi1sk ${newestFirst ? '<' : '>'} :from`
              : 'gsi1pk = :pk',
            ExpressionAttributeValues: {
              ':pk': ISSUES_BY_SUNDAY,
              ...(from ? { ':from': sundaySortKey(from) } : {}),
            },
            ScanIndexForward: !newestFirst,
            Limit: limit - issues.length,
            ...(start ? { ExclusiveStartKey: start } : {}),
          }),
        );
        issues.push(...(page.Items ?? []).map(fromIssueItem));
        start = page.LastEvaluatedKey;
      } while (start && issues.length < limit);
      return issues;
    },

    saveFeeds: async (id, feeds, at, listed) => {
      // Both items are checked for size before either is written.
      const items = [
        toFeedItem(id, 'rss', feeds.rss, at, listed),
        toFeedItem(id, 'atom', feeds.atom, at, listed),
      ];
      await Promise.all(items.map((Item) => doc.send(new PutCommand({ TableName: tableName, Item }))));
    },

    getFeed: async (id, format) => {
      const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: feedKey(id, format) }));
      return Item ? fromFeedItem(Item) : undefined;
    },
  };
};
