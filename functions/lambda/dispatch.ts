import type { SendBatchMessage } from '../../shared/ports/send-queue.ts';
import type { SocialMessage } from '../../shared/ports/social-queue.ts';
import { SQSClient } from '@aws-sdk/client-sqs';
import { sqsQueue } from '../../shared/adapters/sqs/sqs-queue.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { dispatchSunday } from '../../shared/usecases/campaign/dispatch-sunday.ts';
import { dispatchOptionsOf } from '../../shared/adapters/aws/dispatch-event.ts';
import { loadDispatchEnv } from '../../shared/domain/settings/aws-workers.ts';
import { loadDeliveryConfig } from '../../shared/domain/settings/delivery.ts';
import { authorNotifier } from '../delivery/author-notifier.ts';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { deliveryStores, dispatchDeps } from '../wiring/delivery.ts';
import { openTable } from '../wiring/table.ts';
import { awsMailer } from '../../shared/adapters/aws/aws-mailer.ts';

// Composition root of the dispatch function, the EventBridge Scheduler's target.
const env = loadDispatchEnv(process.env);
const delivery = loadDeliveryConfig(process.env);
const sqs = new SQSClient({ region: env.AWS_REGION });
const logger = createJsonLogger({ service: 'dispatch', level: env.LOG_LEVEL });
const deps = dispatchDeps(deliveryStores(openTable({ region: env.AWS_REGION, tableName: env.TABLE_NAME })), {
  queue: sqsQueue<SendBatchMessage>(sqs, env.SEND_QUEUE_URL),
  social: sqsQueue<SocialMessage>(sqs, env.SOCIAL_QUEUE_URL),
  config: delivery,
  timeZone: env.TIME_ZONE,
  author: authorNotifier(awsMailer(env.AWS_REGION, delivery), delivery, env.PUBLIC_BASE_URL),
  clock: systemClock,
  logger,
});

/** The scheduler's retries and a replayed event land here too: the use case makes them no-ops. */
// `series`: the studio's "send now" of one issue (the admin function's async invoke); the schedule sets none
// and sends its own Sunday's issue.
export const handler = async (event: unknown = {}) => {
  const options = dispatchOptionsOf(event);
  const result = await dispatchSunday(deps, options);
  logger.info('dispatch finished', {
    result: result.kind,
    ...(options.series ? { series: options.series } : {}),
    ...('issueId' in result ? { issueId: result.issueId } : {}),
  });
  return result.kind;
};
