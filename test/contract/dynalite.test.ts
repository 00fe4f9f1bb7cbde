import { inject } from 'vitest';
import { everyPortContract } from './every-port.ts';
import { dynamoStores } from './stores.ts';

everyPortContract(
  'dynalite',
  dynamoStores(() => inject('dynaliteUrl')),
);
