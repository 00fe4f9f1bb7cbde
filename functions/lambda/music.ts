import { SQSClient } from '@aws-sdk/client-sqs';
import { sqsQueue } from '../../shared/adapters/sqs/sqs-queue.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import type { MusicMessage } from '../../shared/ports/music-queue.ts';
import { handleMusicMessage } from '../../shared/usecases/music/music-worker.ts';
import { loadDeliveryConfig } from '../../shared/domain/settings/delivery.ts';
import { loadMusicWorkerEnv } from '../../shared/domain/settings/music.ts';
import { authorNotifier } from '../delivery/author-notifier.ts';
import { sendTimeOf } from '../../shared/domain/send-time.ts';
import { musicWorkerDeps } from '../wiring/music.ts';
import { openTable } from '../wiring/table.ts';
import { awsMailer } from '../../shared/adapters/aws/aws-mailer.ts';
import { awsRenderTrigger } from '../../shared/adapters/aws/aws-render-trigger.ts';
import { parseMusicMessage } from '../../shared/usecases/music/music-message.ts';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import type { SqsRecord } from '../../shared/adapters/sqs/defer-sqs-record.ts';
import { eachSqsRecord } from '../../shared/adapters/sqs/sqs-batch.ts';
import { lambdaOutbound } from '../../shared/adapters/http/lambda-outbound.ts';

// Composition root of the music worker (SQS consumer, one message per invocation): resolutions at the
// resolver's pace (a counter in the table), link checks, and the re-render once an issue's links are in.
const env = loadMusicWorkerEnv(process.env);
const delivery = loadDeliveryConfig(process.env);
const logger = createJsonLogger({ service: 'music', level: env.LOG_LEVEL });
const deps = musicWorkerDeps({
  ...openTable({ region: env.AWS_REGION, tableName: env.TABLE_NAME }),
  queue: sqsQueue<MusicMessage>(new SQSClient({ region: env.AWS_REGION }), env.MUSIC_QUEUE_URL),
  renderTrigger: awsRenderTrigger(env),
  author: authorNotifier(awsMailer(env.AWS_REGION, delivery), delivery, env.PUBLIC_BASE_URL),
  clock: systemClock,
  logger,
  timeZone: env.TIME_ZONE,
  sendTime: sendTimeOf(delivery.SCHEDULE),
  settings: env,
  outbound: lambdaOutbound(),
  networks: delivery.SOCIAL_NETWORKS,
});

/**
 * Partial batch failures: a malformed message or a bug fails only its record (redelivered, then the DLQ). A
 * resolution that must wait has already been sent back as a new delayed message: its record succeeds.
 */
export const handler = async (event: { Records: SqsRecord[] }) =>
  eachSqsRecord(event.Records, parseMusicMessage, {
    what: 'music message',
    logger,
    handle: async (message) => {
      const result = await handleMusicMessage(message, deps);
      logger.info('music message handled', { ...message, result });
      return 'done';
    },
  });
