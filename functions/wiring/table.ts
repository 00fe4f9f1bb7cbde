import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../shared/adapters/dynamodb/client.ts';

/** The one table every store lives on, with its client: what each wiring builder reads from. */
export type Table = { doc: DynamoDBDocumentClient; tableName: string };

/**
 * A home's table: on AWS its region's endpoint, on one machine a stand-in's (dynalite, DynamoDB Local).
 * @example
 * const table = openTable({ region: env.AWS_REGION, tableName: env.TABLE_NAME });
 */
export const openTable = ({
  region,
  tableName,
  endpoint,
}: {
  region: string;
  tableName: string;
  endpoint?: string | undefined;
}): Table => ({ doc: createDocumentClient({ region, ...(endpoint ? { endpoint } : {}) }), tableName });
