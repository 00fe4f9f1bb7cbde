import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { WebhookReceipts } from '../../ports/webhook-receipts.ts';
import { conditionally } from './conditional.ts';

/** Standard Webhooks senders retry for days; remember an id for a week, then let DynamoDB's TTL drop it. */
const KEEP_SECONDS = 7 * 24 * 3600;

const receiptKey = (webhookId: string) => ({ pk: `WEBHOOK#${webhookId}`, sk: 'RECEIPT' });

export const dynamoWebhookReceipts = (doc: DynamoDBDocumentClient, tableName: string): WebhookReceipts => ({
  claim: async (webhookId, now, leaseMs) => {
    const nowMs = now.getTime();
    const claimed = await conditionally(() =>
      doc.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...receiptKey(webhookId),
            kind: 'webhook-receipt',
            state: 'in_progress',
            leaseUntil: nowMs + leaseMs,
            expiresAt: Math.floor(nowMs / 1000) + KEEP_SECONDS,
          },
          // A lease left by a crashed handler may be taken over once it has run out.
          ConditionExpression: 'attribute_not_exists(pk) OR (#state = :inProgress AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':inProgress': 'in_progress', ':now': nowMs },
        }),
      ),
    );
    if (claimed) return { kind: 'claimed' };
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: receiptKey(webhookId), ConsistentRead: true }),
    );
    if (Item?.state === 'done') {
      return {
        kind: 'done',
        response: { status: Item.responseStatus as number, body: JSON.parse(Item.responseBody as string) },
      };
    }
    return { kind: 'in_progress' };
  },

  complete: async (webhookId, response, now) => {
    await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: receiptKey(webhookId),
        UpdateExpression:
          'SET #state = :done, responseStatus = :status, responseBody = :body, completedAt = :at REMOVE leaseUntil',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':done': 'done',
          ':status': response.status,
          ':body': JSON.stringify(response.body),
          ':at': now.toISOString(),
        },
      }),
    );
  },

  release: async (webhookId) => {
    // Only an unfinished claim is released: a completed answer must keep being replayed.
    await conditionally(() =>
      doc.send(
        new DeleteCommand({
          TableName: tableName,
          Key: receiptKey(webhookId),
          ConditionExpression: '#state = :inProgress',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':inProgress': 'in_progress' },
        }),
      ),
    );
  },
});
