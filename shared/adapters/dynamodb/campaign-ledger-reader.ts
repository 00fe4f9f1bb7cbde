import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LedgerEntry } from '../../domain/campaign.ts';
import type { CampaignLedgerReader } from '../../ports/campaign-ledger.ts';
import { campaignKey, fromLedgerItem, LEDGER_PREFIX } from './campaign-items.ts';
import { queryAll } from './query-all.ts';

/** The ledger is in the campaign's partition: one Query, paged. */
export const dynamoLedgerReader = (doc: DynamoDBDocumentClient, tableName: string): CampaignLedgerReader => ({
  entries: async (id) => {
    const entries: LedgerEntry[] = [];
    for await (const page of queryAll(doc, {
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': campaignKey(id).pk, ':prefix': LEDGER_PREFIX },
    }))
      for (const item of page.Items ?? []) entries.push(fromLedgerItem(item));
    return entries;
  },
});
