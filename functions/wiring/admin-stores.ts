import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoCampaignStore } from '../../shared/adapters/dynamodb/campaign-store.ts';
import { dynamoClickStore } from '../../shared/adapters/dynamodb/click-store.ts';
import { dynamoSocialStore } from '../../shared/adapters/dynamodb/social-store.ts';
import { dynamoWarningStore } from '../../shared/adapters/dynamodb/warning-store.ts';
import type { AdminStores } from '../app-deps.ts';

/**
 * The admin routes' own stores: campaigns, announcements, clicks, warnings. A file of their own, imported by the
 * admin function and the local app only, so the public function's bundle never carries them.
 */
export const adminStores = (doc: DynamoDBDocumentClient, tableName: string): AdminStores => ({
  campaigns: dynamoCampaignStore(doc, tableName),
  socialAttempts: dynamoSocialStore(doc, tableName),
  clicks: dynamoClickStore(doc, tableName),
  warnings: dynamoWarningStore(doc, tableName),
});
