import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { IssueId } from '../../domain/issue.ts';
import type { SocialNetwork } from '../../domain/social/networks.ts';
import type { SocialAccountBlock, SocialAttempt } from '../../domain/social/social-attempt.ts';
import type { SocialStore } from '../../ports/social-store.ts';
import { conditionally } from './conditional.ts';
import { queryAll } from './query-all.ts';

const attemptKey = (issueId: IssueId, network: SocialNetwork) => ({
  pk: `SOCIAL#${issueId}`,
  sk: `NETWORK#${network}`,
});
const blockKey = (network: SocialNetwork) => ({ pk: `SOCIAL_ACCOUNT#${network}`, sk: 'BLOCK' });

const attemptOf = (item: Record<string, unknown>): SocialAttempt => {
  const { pk: _pk, sk: _sk, kind: _kind, ...attempt } = item;
  return attempt as SocialAttempt;
};

export const dynamoSocialStore = (doc: DynamoDBDocumentClient, tableName: string): SocialStore => ({
  get: async (issueId, network) => {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: attemptKey(issueId, network), ConsistentRead: true }),
    );
    return Item ? attemptOf(Item) : undefined;
  },

  list: async (issueId) => {
    const attempts: SocialAttempt[] = [];
    for await (const page of queryAll(doc, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :network)',
      ExpressionAttributeValues: { ':pk': `SOCIAL#${issueId}`, ':network': 'NETWORK#' },
      ConsistentRead: true,
    }))
      attempts.push(...(page.Items ?? []).map(attemptOf));
    return attempts;
  },

  save: (attempt) =>
    conditionally(() =>
      doc.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...attemptKey(attempt.issueId, attempt.network), kind: 'social-attempt', ...attempt },
          ConditionExpression: attempt.version === 1 ? 'attribute_not_exists(pk)' : 'version = :read',
          ...(attempt.version === 1 ? {} : { ExpressionAttributeValues: { ':read': attempt.version - 1 } }),
        }),
      ),
    ),

  block: (block) =>
    conditionally(() =>
      doc.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...blockKey(block.network), kind: 'social-account-block', ...block },
          // Told once per refused set of credentials.
          ConditionExpression: 'attribute_not_exists(pk) OR credentials <> :credentials',
          ExpressionAttributeValues: { ':credentials': block.credentials },
        }),
      ),
    ),

  blockOf: async (network) => {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: blockKey(network), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, kind: _kind, ...block } = Item;
    return block as SocialAccountBlock;
  },
});
