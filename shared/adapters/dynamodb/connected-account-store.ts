import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import type { ConnectedAccount } from '../../domain/accounts/connected-account.ts';
import type { ConnectedAccountStore, PendingConnect } from '../../ports/connected-account-store.ts';
import { conditionally } from './conditional.ts';
import { consumeOnce } from './consume-once.ts';

const ACCOUNTS = 'ACCOUNTS';
const accountKey = (provider: string) => ({ pk: ACCOUNTS, sk: `ACCOUNT#${provider}` });
const pendingKey = (state: string) => ({ pk: `ACCOUNTS#PENDING#${state}`, sk: 'PENDING' });
// TTL attribute (epoch seconds): DynamoDB drops spent sign-ins a day later; the code compares `validUntil` itself.
const ttl = (iso: string) => Math.ceil(Date.parse(iso) / 1000) + 86_400;

const fromItem = ({ pk: _pk, sk: _sk, ...account }: Record<string, unknown>) => account as ConnectedAccount;

/** Her connected accounts, one item each under one partition (six, a few more with music platforms). */
export const dynamoConnectedAccounts = (
  doc: DynamoDBDocumentClient,
  tableName: string,
): ConnectedAccountStore => ({
  get: async (provider) => {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: accountKey(provider), ConsistentRead: true }),
    );
    return Item ? fromItem(Item) : undefined;
  },
  list: async () => {
    const { Items = [] } = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :account)',
        ExpressionAttributeValues: { ':pk': ACCOUNTS, ':account': 'ACCOUNT#' },
        ConsistentRead: true,
      }),
    );
    return Items.map(fromItem);
  },
  put: (account, expected) =>
    conditionally(() =>
      doc.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...accountKey(account.provider), ...account },
          ...(expected === undefined
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: 'version = :expected',
                ExpressionAttributeValues: { ':expected': expected },
              }),
        }),
      ),
    ),
  remove: (provider, expected) =>
    conditionally(() =>
      doc.send(
        new DeleteCommand({
          TableName: tableName,
          Key: accountKey(provider),
          ConditionExpression: 'version = :expected',
          ExpressionAttributeValues: { ':expected': expected },
        }),
      ),
    ),
  savePending: async (pending) => {
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...pendingKey(pending.state), ...pending, expiresAt: ttl(pending.validUntil) },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  },
  takePending: async (state, now) => {
    const used = await consumeOnce(doc, tableName, pendingKey(state), now);
    if (!used) return undefined;
    const pending: PendingConnect = {
      state: String(used.state),
      provider: String(used.provider),
      codeVerifier: String(used.codeVerifier),
      validUntil: String(used.validUntil),
    };
    return pending;
  },
});
