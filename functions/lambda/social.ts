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
import { deliveryStores, socialWorkerDeps } from '../wiring/delivery.ts';
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
const readAccounts = lambdaSecret(env, env.SOCIAL_ACCOUNTS_SECRET_ARN, (raw) =>
  parseSocialAccounts(`Secret ${env.SOCIAL_ACCOUNTS_SECRET_ARN}`, raw ?? '{}'),
);
const base = socialWorkerDeps(
  deliveryStores(openTable({ region: env.AWS_REGION, tableName: env.TABLE_NAME })),
  {
    compose: socialComposer(settings),
    author: authorNotifier(awsMailer(env.AWS_REGION, delivery), delivery, env.PUBLIC_BASE_URL),
    clock: systemClock,
    logger,
    config: delivery,
    // Longer than the function's timeout: a live call's claim is never taken over.
    leaseMs: 90_000,
  },
);

const accountsNow = currentSocialAccounts(
  async () => enabledAccounts(await readAccounts(), settings.networks),
  { bluesky: { logger, thumbs } },
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
  const deps = { ...base, accounts: await accountsNow() };
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
