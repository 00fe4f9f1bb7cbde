import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { StudioAuthStore, StudioSession } from '../../ports/studio-auth.ts';
import { consumeOnce } from './consume-once.ts';

const linkKey = (hash: string) => ({ pk: `STUDIO#LINK#${hash}`, sk: 'LINK' });
const sessionKey = (hash: string) => ({ pk: `STUDIO#SESSION#${hash}`, sk: 'SESSION' });
// `expiresAt` is the table's TTL attribute (epoch seconds) so DynamoDB drops spent items a day later; the code
// never relies on it and compares `validUntil` itself.
const ttl = (iso: string) => Math.ceil(Date.parse(iso) / 1000) + 86_400;

/** Sign-in links and sessions by the hash of their secret. Using a link is one conditional update. */
export const dynamoStudioAuth = (doc: DynamoDBDocumentClient, tableName: string): StudioAuthStore => ({
  saveLink: async (link) => {
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...linkKey(link.hash),
          email: link.email,
          validUntil: link.expiresAt,
          expiresAt: ttl(link.expiresAt),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  },
  consumeLink: async (hash, now) => {
    const used = await consumeOnce(doc, tableName, linkKey(hash), now);
    return used && { hash, email: String(used.email), expiresAt: String(used.validUntil) };
  },
  saveSession: async (session) => {
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...sessionKey(session.hash),
          email: session.email,
          csrfToken: session.csrfToken,
          createdAt: session.createdAt,
          validUntil: session.expiresAt,
          expiresAt: ttl(session.expiresAt),
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  },
  getSession: async (hash) => {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: sessionKey(hash), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { email, csrfToken, createdAt, validUntil } = Item as Omit<StudioSession, 'expiresAt'> & {
      validUntil: string;
    };
    return { hash, email, csrfToken, createdAt, expiresAt: validUntil };
  },
  endSession: async (hash) => {
    await doc.send(new DeleteCommand({ TableName: tableName, Key: sessionKey(hash) }));
  },
});
