import { SQSClient } from '@aws-sdk/client-sqs';
import * as v from 'valibot';
import { parseIssueId } from '../../shared/domain/issue.ts';
import { isSocialNetwork } from '../../shared/domain/social/networks.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import type { SocialMessage } from '../../shared/ports/social-queue.ts';
import { publishSocial } from '../../shared/usecases/social/publish-social.ts';
import { loadSocialWorkerEnv } from '../../shared/domain/settings/aws-workers.ts';
import { loadDeliveryConfig } from '../../shared/domain/settings/delivery.ts';
import { authorNotifier } from '../delivery/author-notifier.ts';
import { enabledAccounts } from '../../shared/domain/settings/social-accounts.ts';
import { parseSocialAccounts } from '../../shared/adapters/social/parse-social-accounts.ts';
import { socialSettings } from '../../shared/domain/settings/social.ts';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { accountAccessDeps, blueskySessions } from '../wiring/accounts.ts';
import { deliveryStores, socialWorkerDeps } from '../wiring/delivery.ts';
import { KMSClient } from '@aws-sdk/client-kms';
import { kmsTokenSealer } from '../../shared/adapters/aws/kms-token-sealer.ts';
import { parseOperatorApps } from '../../shared/domain/settings/operator-apps.ts';
import { NETWORK_REGISTRY } from '../../shared/domain/social/registry.ts';
import type { SocialNetwork } from '../../shared/domain/social/networks.ts';
import { accountProviders } from '../../shared/usecases/accounts/account-providers.ts';
import type { AccountProvider } from '../../shared/usecases/accounts/access-token.ts';
import { readConnectedSocialAccounts } from '../../shared/adapters/social/connected-social-accounts.ts';
import { tellReconnect } from '../delivery/author-notifier.ts';
import { openTable } from '../wiring/table.ts';
import { awsMailer } from '../../shared/adapters/aws/aws-mailer.ts';
import { currentSocialAccounts } from '../../shared/adapters/social/social-accounts-for.ts';
import { socialComposer } from '../../shared/usecases/social/social-composer.ts';
import { lambdaOutbound } from '../../shared/adapters/http/lambda-outbound.ts';
import { eachSqsRecord, jsonBody } from '../../shared/adapters/sqs/sqs-batch.ts';
import { deferSqsRecord, type SqsRecord } from '../../shared/adapters/sqs/defer-sqs-record.ts';
import { lambdaSecret } from './load-secrets.ts';

// Composition root of the social worker (SQS consumer, one message per invocation: a slow network delays
// no other). The accounts' secret is read through the extension, cached, so a replaced token is picked up.
const env = loadSocialWorkerEnv(process.env);
const delivery = loadDeliveryConfig(process.env);
const logger = createJsonLogger({ service: 'social', level: env.LOG_LEVEL });
// Card thumbnails come from the post: public addresses only.
const thumbs = lambdaOutbound();
const sqs = new SQSClient({ region: env.AWS_REGION });
const settings = { publicBaseUrl: env.PUBLIC_BASE_URL, seriesName: env.SERIES_NAME, ...socialSettings(env) };
const table = openTable({ region: env.AWS_REGION, tableName: env.TABLE_NAME });
const author = authorNotifier(awsMailer(env.AWS_REGION, delivery), delivery, env.PUBLIC_BASE_URL);
const base = socialWorkerDeps(deliveryStores(table), {
  compose: socialComposer(settings),
  author,
  clock: systemClock,
  logger,
  config: delivery,
  // Longer than the function's timeout: a live call's claim is never taken over.
  leaseMs: 90_000,
});

/**
 * Her connected accounts (the table, sealed by KMS), each with a live token: refreshed here when it is about
 * to die, with the operator's apps. Until the stack hands over the key, the old accounts document.
 */
const readConnected = (keyArn: string) => {
  const readApps = lambdaSecret(env, env.SOCIAL_APPS_SECRET_ARN ?? '', (raw) =>
    parseOperatorApps(`Secret ${env.SOCIAL_APPS_SECRET_ARN}`, raw),
  );
  const access = accountAccessDeps(table, {
    sealer: kmsTokenSealer(new KMSClient({ region: env.AWS_REGION }), keyArn),
    outbound: lambdaOutbound(),
    clock: systemClock,
    reconnectNeeded: (account) => tellReconnect(author, account, logger),
  });
  const rows = NETWORK_REGISTRY.rows.filter((row) => settings.networks.includes(row.id));
  return async () => {
    const apps = env.SOCIAL_APPS_SECRET_ARN ? await readApps() : {};
    const providers = accountProviders(rows, apps) as (AccountProvider & { id: SocialNetwork })[];
    return readConnectedSocialAccounts(providers, access)();
  };
};
const readDocument = (secretArn: string) => {
  const read = lambdaSecret(env, secretArn, (raw) => parseSocialAccounts(`Secret ${secretArn}`, raw ?? '{}'));
  return async () => ({ accounts: enabledAccounts(await read(), settings.networks), unavailable: {} });
};
const accountsNow = currentSocialAccounts(
  env.TOKEN_KEY_ARN ? readConnected(env.TOKEN_KEY_ARN) : readDocument(env.SOCIAL_ACCOUNTS_SECRET_ARN ?? ''),
  {
    bluesky: {
      logger,
      thumbs,
      // The session outlives the cold start (sealed on her account): a login is counted, a refresh is not.
      ...(env.TOKEN_KEY_ARN
        ? blueskySessions(table, kmsTokenSealer(new KMSClient({ region: env.AWS_REGION }), env.TOKEN_KEY_ARN))
        : {}),
    },
  },
);

const message = v.object({
  issueId: v.pipe(
    v.string(),
    v.check((id) => parseIssueId(id) !== undefined, 'not an issue id'),
  ),
  network: v.pipe(v.string(), v.check(isSocialNetwork, 'not a network')),
});

/**
 * Partial batch failures: a malformed message or a bug fails only its record (redelivered, then the DLQ); a
 * post that must wait is put back as a delayed message, or made invisible until its retry time.
 */
export const handler = async (event: { Records: SqsRecord[] }) => {
  const deps = { ...base, ...(await accountsNow()) };
  return eachSqsRecord(event.Records, jsonBody(message), {
    what: 'social post',
    logger,
    handle: async (post, record) => {
      const parsed = post as SocialMessage;
      const outcome = await publishSocial(parsed, deps);
      if (outcome.ok) return 'done';
      logger.warn('social post deferred', {
        ...parsed,
        reason: outcome.reason,
        retryAfterMs: outcome.retryAfterMs,
      });
      return (await deferSqsRecord(sqs, env.SOCIAL_QUEUE_URL, record, outcome)) ? 'retry' : 'done';
    },
  });
};
