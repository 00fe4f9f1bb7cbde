import { everyPortContract } from './every-port.ts';
import { memoryStores } from './stores.ts';

everyPortContract('the in-memory implementation', memoryStores);
