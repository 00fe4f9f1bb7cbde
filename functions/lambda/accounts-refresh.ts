import { KMSClient } from '@aws-sdk/client-kms';
import { kmsTokenSealer } from '../../shared/adapters/aws/kms-token-sealer.ts';
import { lambdaOutbound } from '../../shared/adapters/http/lambda-outbound.ts';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { loadAccountsRefreshEnv } from '../../shared/domain/settings/accounts-refresh.ts';
import { parseOperatorApps } from '../../shared/domain/settings/operator-apps.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { accountAccessDeps, accountsRefresh, appProviders } from '../wiring/accounts.ts';
import { openTable } from '../wiring/table.ts';
import { lambdaSecret } from './load-secrets.ts';

// Composition root of the hourly refresh (an EventBridge Scheduler schedule): her tokens renewed before they
// die, a grant the network refuses turned "à reconnecter". Tokens are opened and sealed by KMS, never logged.
const env = loadAccountsRefreshEnv(process.env);
const logger = createJsonLogger({ service: 'accounts-refresh', level: env.LOG_LEVEL });
const apps = lambdaSecret(env, env.SOCIAL_APPS_SECRET_ARN, (raw) =>
  parseOperatorApps(`Secret ${env.SOCIAL_APPS_SECRET_ARN}`, raw),
);
const refresh = accountsRefresh(
  accountAccessDeps(openTable({ region: env.AWS_REGION, tableName: env.TABLE_NAME }), {
    sealer: kmsTokenSealer(new KMSClient({ region: env.AWS_REGION }), env.TOKEN_KEY_ARN),
    outbound: lambdaOutbound(),
    clock: systemClock,
    // Her one French mail with the "Reconnecter" link comes next; meanwhile the break is in the logs and Réglages.
    reconnectNeeded: async (account) =>
      logger.warn('account to reconnect', { provider: account.provider, reason: account.lastError }),
  }),
  async () => appProviders(await apps()),
);

/** A network's trouble is an outcome per account; only the table, KMS or the secret failing fails the run. */
export const handler = async () => {
  const outcome = await refresh();
  logger.info('accounts refresh', { outcome });
  return outcome;
};
