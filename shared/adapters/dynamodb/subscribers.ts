import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { SubscriberStore } from '../../ports/subscriber-store.ts';
import { withDirectory } from '../../usecases/subscribers/with-directory.ts';
import { dynamoSubscriberDirectory } from './subscriber-directory.ts';
import { dynamoSubscriberStore } from './subscriber-store.ts';

/** The subscriber store every writer uses: records and their search directory on one table. */
export const dynamoSubscribers = (doc: DynamoDBDocumentClient, tableName: string): SubscriberStore =>
  withDirectory(dynamoSubscriberStore(doc, tableName), dynamoSubscriberDirectory(doc, tableName));
