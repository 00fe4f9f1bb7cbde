import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoDataLinks } from '../../shared/adapters/dynamodb/data-link-store.ts';
import { dynamoRateLimits } from '../../shared/adapters/dynamodb/rate-limits.ts';
import { dynamoSubscribers } from '../../shared/adapters/dynamodb/subscribers.ts';
import type { AppDeps } from '../app-deps.ts';

/** The public routes' stores on one table (the issues and receipts aside): the same on AWS, locally, in tests. */
export const appStores = (
  doc: DynamoDBDocumentClient,
  tableName: string,
): Pick<AppDeps, 'subscribers' | 'rateLimits' | 'dataLinks'> => ({
  subscribers: dynamoSubscribers(doc, tableName),
  rateLimits: dynamoRateLimits(doc, tableName),
  dataLinks: dynamoDataLinks(doc, tableName),
});
