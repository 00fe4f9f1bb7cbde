import { afterAll, beforeAll } from 'vitest';
import { startDynamoDbLocal } from '../support/dynamodb-local.ts';
import { dataLayerContract } from './data-layer.contract.ts';
import { socialStoreContract } from './social-store.contract.ts';

let emulator: Awaited<ReturnType<typeof startDynamoDbLocal>>;
beforeAll(async () => {
  emulator = await startDynamoDbLocal();
}, 90_000);
afterAll(() => emulator?.stop());

dataLayerContract('DynamoDB Local (AWS emulator)', () => emulator.url);
socialStoreContract('DynamoDB Local (AWS emulator)', () => emulator.url);
