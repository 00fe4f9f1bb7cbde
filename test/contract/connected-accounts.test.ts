import { inject } from 'vitest';
import { dynamoConnectedAccounts } from '../../shared/adapters/dynamodb/connected-account-store.ts';
import { memoryConnectedAccounts } from '../../shared/adapters/memory/memory-connected-accounts.ts';
import { freshTable } from '../support/tables.ts';
import { connectedAccountStoreContract } from './connected-account-store.contract.ts';

connectedAccountStoreContract('dynalite', async () => {
  const { doc, tableName } = await freshTable(inject('dynaliteUrl'));
  return dynamoConnectedAccounts(doc, tableName);
});
connectedAccountStoreContract('memory', async () => memoryConnectedAccounts());
