import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoCampaignStore } from '../shared/adapters/dynamodb/campaign-store.ts';
import { dynamoClickStore } from '../shared/adapters/dynamodb/click-store.ts';
import { dynamoRateLimits } from '../shared/adapters/dynamodb/rate-limits.ts';
import { dynamoSocialStore } from '../shared/adapters/dynamodb/social-store.ts';
import { dynamoSubscriberStore } from '../shared/adapters/dynamodb/subscriber-store.ts';
import { dynamoWarningStore } from '../shared/adapters/dynamodb/warning-store.ts';
import type { AppDeps } from './app-deps.ts';

/** The HTTP app's stores on one table: the same on AWS, on one machine and in tests. */
export const appStores = (
  doc: DynamoDBDocumentClient,
  tableName: string,
): Pick<AppDeps, 'subscribers' | 'campaigns' | 'socialAttempts' | 'rateLimits' | 'clicks' | 'warnings'> => ({
  subscribers: dynamoSubscriberStore(doc, tableName),
  campaigns: dynamoCampaignStore(doc, tableName),
  socialAttempts: dynamoSocialStore(doc, tableName),
  rateLimits: dynamoRateLimits(doc, tableName),
  clicks: dynamoClickStore(doc, tableName),
  warnings: dynamoWarningStore(doc, tableName),
});
