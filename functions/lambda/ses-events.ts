import { hmacSubscriberIds } from '../../shared/adapters/crypto/hmac-subscriber-ids.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import type { SubscriberIds } from '../../shared/ports/keyed-hash.ts';
import { handleSnsEvent, type SnsEvent } from '../../shared/adapters/ses/ses-events-handler.ts';
import { loadSesEventsEnv } from '../../shared/domain/settings/aws-workers.ts';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { sesEventStores } from '../wiring/ses-events.ts';
import { openTable } from '../wiring/table.ts';
import { lambdaAppSecrets } from './load-secrets.ts';

// Composition root of the SES events function (configuration set → SNS → here).
const env = loadSesEventsEnv(process.env);
const stores = sesEventStores(openTable({ region: env.AWS_REGION, tableName: env.TABLE_NAME }));
const logger = createJsonLogger({ service: 'ses-events', level: env.LOG_LEVEL });
const secrets =
  env.SECRETS_ARN && env.AWS_SESSION_TOKEN
    ? lambdaAppSecrets({ ...env, SECRETS_ARN: env.SECRETS_ARN, AWS_SESSION_TOKEN: env.AWS_SESSION_TOKEN })
    : undefined;

// Our mails carry the subscriber id as a tag; the address is hashed only for mail without it.
const ids: SubscriberIds = {
  idFor: () => {
    throw new Error('an untagged SES event needs SECRETS_ARN to find its subscriber');
  },
};

export const handler = async (event: SnsEvent) => {
  const keyed = secrets ? hmacSubscriberIds((await secrets()).subscriberIdKey) : ids;
  const deps = {
    ...stores,
    ids: keyed,
    clock: systemClock,
    logger,
  };
  await handleSnsEvent(event, deps);
};
