import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export type DynamoConnection = { endpoint?: string; region: string };

/** One client per runtime; locally the endpoint points at dynalite or DynamoDB Local with dummy credentials. */
export const createDocumentClient = ({ endpoint, region }: DynamoConnection): DynamoDBDocumentClient => {
  const client = new DynamoDBClient(
    endpoint
      ? { endpoint, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : { region },
  );
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
};
