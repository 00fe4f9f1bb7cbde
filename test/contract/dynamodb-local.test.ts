import { afterAll, beforeAll } from 'vitest';
import { startDynamoDbLocal } from '../support/dynamodb-local.ts';
import { everyPortContract } from './every-port.ts';
import { dynamoStores } from './stores.ts';

let emulator: Awaited<ReturnType<typeof startDynamoDbLocal>>;
beforeAll(async () => {
  emulator = await startDynamoDbLocal();
}, 90_000);
afterAll(() => emulator?.stop());

everyPortContract(
  'DynamoDB Local (AWS emulator)',
  dynamoStores(() => emulator.url),
);
