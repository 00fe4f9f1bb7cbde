import { createHash } from 'node:crypto';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { FeedPollState, FeedPollStore } from '../../ports/feed-poll.ts';

/** One item per feed, keyed by a hash of its address (an address can be longer than a key may be). */
const pollKey = (url: string) => ({
  pk: `FEEDPOLL#${createHash('sha256').update(url).digest('base64url').slice(0, 32)}`,
  sk: 'STATE',
});

export const dynamoFeedPollStore = (doc: DynamoDBDocumentClient, tableName: string): FeedPollStore => ({
  get: async (url) => {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: pollKey(url), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, kind: _kind, ...state } = Item;
    return state as FeedPollState;
  },
  put: async (state) => {
    await doc.send(
      new PutCommand({ TableName: tableName, Item: { ...pollKey(state.url), kind: 'feed-poll', ...state } }),
    );
  },
});
