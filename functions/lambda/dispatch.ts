import type { SendBatchMessage } from '../../shared/ports/send-queue.ts';
import type { SocialMessage } from '../../shared/ports/social-queue.ts';
import { SQSClient } from '@aws-sdk/client-sqs';
import { createDocumentClient } from '../../shared/adapters/dynamodb/client.ts';
import { dynamoCampaignStore } from '../../shared/adapters/dynamodb/campaign-store.ts';
import { dynamoIssueHolds } from '../../shared/adapters/dynamodb/issue-hold-store.ts';
import { dynamoIssueStore } from '../../shared/adapters/dynamodb/issue-store.ts';
import { dynamoSubscriberStore } from '../../shared/adapters/dynamodb/subscriber-store.ts';
import { sesMailer } from '../../shared/adapters/ses/ses-mailer.ts';
import { sqsQueue } from '../../shared/adapters/sqs/sqs-queue.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import { dispatchSunday } from '../../shared/usecases/campaign/dispatch-sunday.ts';
import { dispatchOptionsOf } from './dispatch-event.ts';
import { loadDispatchEnv } from '../config/aws-delivery-config.ts';
import { loadDeliveryConfig } from '../config/delivery-config.ts';
import { authorNotifier } from '../delivery/author-notifier.ts';
import { createJsonLogger } from '../observability/json-logger.ts';

// Composition root of the dispatch function, the EventBridge Scheduler's target.
const env = loadDispatchEnv(process.env);
const delivery = loadDeliveryConfig(process.env);
const doc = createDocumentClient({ region: env.AWS_REGION });
const sqs = new SQSClient({ region: env.AWS_REGION });
const logger = createJsonLogger({ service: 'dispatch', level: env.LOG_LEVEL });
const mailer = sesMailer({
  region: env.AWS_REGION,
  ...(delivery.SES_CONFIGURATION_SET ? { configurationSet: delivery.SES_CONFIGURATION_SET } : {}),
});

const deps = {
  issues: dynamoIssueStore(doc, env.TABLE_NAME),
  subscribers: dynamoSubscriberStore(doc, env.TABLE_NAME),
  campaigns: dynamoCampaignStore(doc, env.TABLE_NAME),
  queue: sqsQueue<SendBatchMessage>(sqs, env.SEND_QUEUE_URL),
  social: sqsQueue<SocialMessage>(sqs, env.SOCIAL_QUEUE_URL),
  networks: delivery.SOCIAL_NETWORKS,
  clock: systemClock,
  window: { timeZone: env.TIME_ZONE, deadline: delivery.SEND_DEADLINE },
  author: authorNotifier(mailer, delivery, env.PUBLIC_BASE_URL),
  logger,
  holds: dynamoIssueHolds(doc, env.TABLE_NAME),
};

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
