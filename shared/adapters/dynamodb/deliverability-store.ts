import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { HealthReport } from '../../domain/deliverability/health-item.ts';
import type { DeliverabilityStore } from '../../ports/deliverability-store.ts';

// One item: each run replaces the last; the studio and the eve reminder only ever want the latest.
const KEY = { pk: 'DELIVERABILITY', sk: 'LATEST' };

export const dynamoDeliverabilityStore = (
  doc: DynamoDBDocumentClient,
  tableName: string,
): DeliverabilityStore => ({
  save: async (report) => {
    await doc.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...KEY, kind: 'deliverability', checkedAt: report.checkedAt, items: report.items },
      }),
    );
  },
  latest: async () => {
    const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: KEY }));
    if (!Item) return undefined;
    return { checkedAt: String(Item['checkedAt']), items: Item['items'] as HealthReport['items'] };
  },
});
