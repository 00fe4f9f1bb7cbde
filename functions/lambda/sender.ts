import { SQSClient } from '@aws-sdk/client-sqs';
import * as v from 'valibot';
import { sesSharePacedMailer } from '../../shared/adapters/ses/ses-share-paced-mailer.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { sendBatch } from '../../shared/usecases/campaign/send-batch.ts';
import { loadSenderEnv } from '../../shared/domain/settings/aws-workers.ts';
import { loadDeliveryConfig } from '../../shared/domain/settings/delivery.ts';
import { authorNotifier } from '../delivery/author-notifier.ts';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { deliveryStores, senderWorkerDeps } from '../wiring/delivery.ts';
import { openTable } from '../wiring/table.ts';
import { awsMailer } from '../../shared/adapters/aws/aws-mailer.ts';
import { deferSqsRecord, type SqsRecord } from '../../shared/adapters/sqs/defer-sqs-record.ts';
import { lambdaAppSecrets } from './load-secrets.ts';
import { eachSqsRecord, jsonBody } from '../../shared/adapters/sqs/sqs-batch.ts';

// Composition root of the sender (SQS consumer, batch size 1). The function's maximum concurrency is
// MAX_SENDERS; each instance paces itself at SES's max send rate / MAX_SENDERS, so together they never exceed it.
const env = loadSenderEnv(process.env);
const delivery = loadDeliveryConfig(process.env);
const stores = deliveryStores(openTable({ region: env.AWS_REGION, tableName: env.TABLE_NAME }));
const logger = createJsonLogger({ service: 'sender', level: env.LOG_LEVEL });
const sqs = new SQSClient({ region: env.AWS_REGION });
const secrets = lambdaAppSecrets(env);

const build = async () => {
  const paced = await sesSharePacedMailer(awsMailer(env.AWS_REGION, delivery), {
    region: env.AWS_REGION,
    senders: delivery.MAX_SENDERS,
    logger,
  });
  return senderWorkerDeps(
    stores,
    {
      mailer: paced,
      linkKeys: (await secrets()).linkKeys,
      author: authorNotifier(paced, delivery, env.PUBLIC_BASE_URL),
      clock: systemClock,
      logger,
    },
    // The lease outlives one invocation (timeout 120 s), so a live sender's claim is never taken over.
    { ...delivery, publicBaseUrl: env.PUBLIC_BASE_URL, leaseMs: 150_000 },
  );
};
let ready: ReturnType<typeof build> | undefined;

const message = v.object({
  campaignId: v.pipe(v.string(), v.regex(/^cmp_\d+$/)),
  batch: v.pipe(v.number(), v.integer(), v.minValue(1)),
});

/**
 * Partial batch failures: a batch to retry later is made invisible until then, not retried hot; a paused
 * campaign's batch is requeued, so a long pause uses up none of its receives.
 */
export const handler = async (event: { Records: SqsRecord[] }) => {
  ready ??= build().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  const deps = await ready;
  return eachSqsRecord(event.Records, jsonBody(message), {
    what: 'send batch',
    logger,
    handle: async (batch, record) => {
      const outcome = await sendBatch(batch as Parameters<typeof sendBatch>[0], deps);
      if (outcome.ok) return 'done';
      logger.warn('batch deferred', { ...batch, reason: outcome.reason, retryAfterMs: outcome.retryAfterMs });
      return (await deferSqsRecord(sqs, env.SEND_QUEUE_URL, record, outcome)) ? 'retry' : 'done';
    },
  });
};
