import { systemClock } from '../../shared/ports/clock.ts';
import { refreshDeliverability } from '../../shared/usecases/deliverability/check-deliverability.ts';
import { loadDeliverabilityEnv } from '../../shared/domain/settings/deliverability.ts';
import { accountProbes } from '../../shared/adapters/aws/account-probes.ts';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { audienceOf, deliverabilityStore } from '../wiring/deliverability.ts';
import { openTable } from '../wiring/table.ts';
import { lambdaSecret } from './load-secrets.ts';

// Composition root of the daily deliverability job (an EventBridge Scheduler schedule): `npm run doctor`'s
// checks from inside the account, kept for the studio's Délivrabilité panel and the eve reminder.
const env = loadDeliverabilityEnv(process.env);
const logger = createJsonLogger({ service: 'deliverability', level: env.LOG_LEVEL });
const table = openTable({ region: env.AWS_REGION, tableName: env.TABLE_NAME });
const secret = (secretId: string) => lambdaSecret(env, secretId, (raw) => raw ?? '{}');
const networks = env.SOCIAL_NETWORKS.split(',').filter(Boolean);
const probes = accountProbes({
  region: env.AWS_REGION,
  networks,
  clock: systemClock,
  audience: audienceOf(table, systemClock),
  appSecret: secret(env.SECRETS_ARN),
  socialSecret: secret(env.SOCIAL_ACCOUNTS_SECRET_ARN),
});
const store = deliverabilityStore(table);

export const handler = async (): Promise<void> => {
  const report = await refreshDeliverability({
    probes,
    store,
    clock: systemClock,
    plan: {
      domain: env.SENDER_DOMAIN,
      mailFromDomain: env.MAIL_FROM_DOMAIN,
      region: env.AWS_REGION,
      concurrencyNeeded: env.CONCURRENCY_NEEDED,
      reportAddress: env.DMARC_REPORTS,
    },
  });
  const failed = report.items.filter((item) => item.status === 'fail').map((item) => item.id);
  logger.info('deliverability checked', { failed, items: report.items.length });
};
