import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '../../shared/adapters/dynamodb/client.ts';
import { ensureTable } from '../../shared/adapters/dynamodb/ensure-table.ts';

/** A fresh table on a running DynamoDB stand-in, so test files never see each other's items. */
export const freshTable = async (endpoint: string) => {
  const tableName = `t_${randomUUID().slice(0, 8)}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'eu-west-3',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(client, tableName);
  return { tableName, client, doc: createDocumentClient({ endpoint, region: 'eu-west-3' }) };
};
