import { afterAll, beforeAll } from 'vitest';
import { startDynamoDbLocal } from '../support/dynamodb-local.ts';
import { catalogueStoreContract } from './catalogue-store.contract.ts';
import { clickStoreContract } from './click-store.contract.ts';
import { dataLayerContract } from './data-layer.contract.ts';
import { socialStoreContract } from './social-store.contract.ts';
import { trackLinkStoreContract } from './track-link-store.contract.ts';
import { warningStoreContract } from './warning-store.contract.ts';

let emulator: Awaited<ReturnType<typeof startDynamoDbLocal>>;
beforeAll(async () => {
  emulator = await startDynamoDbLocal();
}, 90_000);
afterAll(() => emulator?.stop());

dataLayerContract('DynamoDB Local (AWS emulator)', () => emulator.url);
socialStoreContract('DynamoDB Local (AWS emulator)', () => emulator.url);
clickStoreContract('DynamoDB Local (AWS emulator)', () => emulator.url);
warningStoreContract('DynamoDB Local (AWS emulator)', () => emulator.url);
trackLinkStoreContract('DynamoDB Local (AWS emulator)', () => emulator.url);
catalogueStoreContract('DynamoDB Local (AWS emulator)', () => emulator.url);
