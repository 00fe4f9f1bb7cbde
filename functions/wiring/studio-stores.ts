import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoDeliverabilityStore } from '../../shared/adapters/dynamodb/deliverability-store.ts';
import { dynamoLedgerReader } from '../../shared/adapters/dynamodb/campaign-ledger-reader.ts';
import { dynamoIssueHolds } from '../../shared/adapters/dynamodb/issue-hold-store.ts';
import { dynamoStudioAuth } from '../../shared/adapters/dynamodb/studio-auth-store.ts';
import { dynamoSubscriberDirectory } from '../../shared/adapters/dynamodb/subscriber-directory.ts';
import type { EmailAddress } from '../../shared/domain/email-address.ts';
import type { Studio } from '../studio/studio-deps.ts';

export type StudioConfig = {
  AUTHOR_EMAIL: string;
  AUTHOR_LANGUAGE: 'fr' | 'en';
  SCHEDULE: string;
};

/** The studio's stores and settings on the one table: the same on AWS (admin function) and locally. */
export const studioDeps = (
  doc: DynamoDBDocumentClient,
  tableName: string,
  config: StudioConfig,
  sendNow?: Studio['sendNow'],
): Studio => ({
  authorEmail: config.AUTHOR_EMAIL as EmailAddress,
  language: config.AUTHOR_LANGUAGE,
  schedule: config.SCHEDULE,
  auth: dynamoStudioAuth(doc, tableName),
  holds: dynamoIssueHolds(doc, tableName),
  ledger: dynamoLedgerReader(doc, tableName),
  deliverability: dynamoDeliverabilityStore(doc, tableName),
  directory: dynamoSubscriberDirectory(doc, tableName),
  ...(sendNow ? { sendNow } : {}),
});
