import { dynamoDeliverabilityStore } from '../../shared/adapters/dynamodb/deliverability-store.ts';
import { dynamoSubscriberStore } from '../../shared/adapters/dynamodb/subscriber-store.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import { countAudience } from '../../shared/usecases/campaign/count-audience.ts';
import type { Table } from './table.ts';

/** How many readers a Sunday mails, for the account's checks (the daily job, `npm run doctor`). */
export const audienceOf =
  ({ doc, tableName }: Table, clock: Clock) =>
  () =>
    countAudience(dynamoSubscriberStore(doc, tableName), clock.now());

/** Where the daily checks' last report is kept, for the studio's Délivrabilité panel and the eve reminder. */
export const deliverabilityStore = ({ doc, tableName }: Table) => dynamoDeliverabilityStore(doc, tableName);
