import { dynamoCampaignStore } from '../../shared/adapters/dynamodb/campaign-store.ts';
import { dynamoSubscribers } from '../../shared/adapters/dynamodb/subscribers.ts';
import { dynamoWebhookReceipts } from '../../shared/adapters/dynamodb/webhook-receipts.ts';
import type { Table } from './table.ts';

/** The SES events function's stores: the reader a bounce or complaint is about, the campaign's counts, receipts. */
export const sesEventStores = ({ doc, tableName }: Table) => ({
  subscribers: dynamoSubscribers(doc, tableName),
  campaigns: dynamoCampaignStore(doc, tableName),
  receipts: dynamoWebhookReceipts(doc, tableName),
});
