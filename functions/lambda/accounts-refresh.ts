import { KMSClient } from '@aws-sdk/client-kms';
import { kmsTokenSealer } from '../../shared/adapters/aws/kms-token-sealer.ts';
import { lambdaOutbound } from '../../shared/adapters/http/lambda-outbound.ts';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { loadAccountsRefreshEnv } from '../../shared/domain/settings/accounts-refresh.ts';
import { parseOperatorApps } from '../../shared/domain/settings/operator-apps.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { awsMailer } from '../../shared/adapters/aws/aws-mailer.ts';
import { importSocialAccounts } from '../../shared/adapters/social/import-social-accounts.ts';
import { parseSocialAccounts } from '../../shared/adapters/social/parse-social-accounts.ts';
import { loadDeliveryConfig } from '../../shared/domain/settings/delivery.ts';
import { authorNotifier, tellReconnect } from '../delivery/author-notifier.ts';
import { accountAccessDeps, accountImportStores, accountsRefresh, appProviders } from '../wiring/accounts.ts';
import { accountChecks, withCheckedNetworks } from '../wiring/account-checks.ts';
import { openTable } from '../wiring/table.ts';
import { lambdaSecret } from './load-secrets.ts';

// Composition root of the hourly refresh (an EventBridge Scheduler schedule): her tokens renewed before they
// die, a grant the network refuses turned "à reconnecter". Tokens are opened and sealed by KMS, never logged.
const env = loadAccountsRefreshEnv(process.env);
const logger = createJsonLogger({ service: 'accounts-refresh', level: env.LOG_LEVEL });
const apps = lambdaSecret(env, env.SOCIAL_APPS_SECRET_ARN, (raw) =>
  parseOperatorApps(`Secret ${env.SOCIAL_APPS_SECRET_ARN}`, raw),
);
const mail = loadDeliveryConfig(process.env);
const author = authorNotifier(awsMailer(env.AWS_REGION, mail), mail, env.PUBLIC_BASE_URL);
const table = openTable({ region: env.AWS_REGION, tableName: env.TABLE_NAME });
const sealer = kmsTokenSealer(new KMSClient({ region: env.AWS_REGION }), env.TOKEN_KEY_ARN);
const outbound = lambdaOutbound();
const refresh = accountsRefresh(
  accountAccessDeps(table, {
    sealer,
    outbound,
    clock: systemClock,
    // Her one French mail per break, with the "Reconnecter" link; the break is in Réglages too.
    reconnectNeeded: (account) => tellReconnect(author, account, logger),
  }),
  async () => withCheckedNetworks(appProviders(await apps())),
  // A Page or Mastodon token never expires but dies with her password: asked every few hours, known by Saturday.
  accountChecks(outbound),
);
const legacyArn = env.SOCIAL_ACCOUNTS_SECRET_ARN;
const legacy = legacyArn
  ? lambdaSecret(env, legacyArn, (raw) => parseSocialAccounts(`Secret ${legacyArn}`, raw ?? '{}'))
  : undefined;
const imports = { ...accountImportStores(table), sealer, clock: systemClock };

/** A network's trouble is an outcome per account; only the table, KMS or a secret failing fails the run. */
export const handler = async () => {
  // The hand-written accounts of a stack deployed before "Connecter": each account once, before the refresh.
  if (legacy) {
    const imported = await importSocialAccounts(await legacy(), imports);
    if (imported.imported.length > 0) logger.info('accounts document imported', { imported });
  }
  const outcome = await refresh();
  logger.info('accounts refresh', { outcome });
  return outcome;
};
