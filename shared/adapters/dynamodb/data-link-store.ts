import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { SubscriberId } from '../../domain/subscriber.ts';
import type { DataLink, DataLinkPurpose, DataLinkStore } from '../../ports/data-links.ts';
import { consumeOnce } from './consume-once.ts';

const linkKey = (hash: string) => ({ pk: `DATALINK#${hash}`, sk: 'LINK' });
// `expiresAt` is the table's TTL attribute (epoch seconds), a day after the link ends; the code compares
// `validUntil` itself and never relies on TTL's timing.
const ttl = (iso: string) => Math.ceil(Date.parse(iso) / 1000) + 86_400;

const fromItem = (hash: string, item: Record<string, unknown> | undefined): DataLink | undefined =>
  item
    ? {
        hash,
        subscriberId: item.subscriberId as SubscriberId,
        purpose: item.purpose as DataLinkPurpose,
        expiresAt: String(item.validUntil),
      }
    : undefined;

/** Data links by the hash of their secret. Using one is one conditional update: once, for one caller. */
export const dynamoDataLinks = (doc: DynamoDBDocumentClient, tableName: string): DataLinkStore => ({
  save: async (link) => {
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...linkKey(link.hash),
          subscriberId: link.subscriberId,
          purpose: link.purpose,
          validUntil: link.expiresAt,
          expiresAt: ttl(link.expiresAt),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  },
  peek: async (hash, now) => {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: linkKey(hash), ConsistentRead: true }),
    );
    return Item && Item.usedAt === undefined && String(Item.validUntil) > now
      ? fromItem(hash, Item)
      : undefined;
  },
  consume: async (hash, now) => fromItem(hash, await consumeOnce(doc, tableName, linkKey(hash), now)),
});
