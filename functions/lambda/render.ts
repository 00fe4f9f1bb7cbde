import { SQSClient } from '@aws-sdk/client-sqs';
import * as v from 'valibot';
import { sqsQueue } from '../../shared/adapters/sqs/sqs-queue.ts';
import type { MusicMessage } from '../../shared/ports/music-queue.ts';
import { type IssueId, parseIssueId } from '../../shared/domain/issue.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import type { RenderOutcome } from '../../shared/ports/render-trigger.ts';
import { renderIssue } from '../../shared/usecases/render-issue.ts';
import { loadAwsRenderConfig } from '../../shared/domain/settings/aws-app.ts';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { queuedInvalidator } from '../../shared/adapters/cdn/queued-invalidator.ts';
import { renderDeps } from '../wiring/render.ts';
import { openTable } from '../wiring/table.ts';
import { bucketPublicObjects } from './public-objects.ts';

// Composition root of the render function: the only function that loads MJML.
const config = loadAwsRenderConfig(process.env);
const logger = createJsonLogger({ service: 'render', level: config.LOG_LEVEL });
const sqs = new SQSClient({ region: config.AWS_REGION });
const deps = renderDeps(config, {
  table: openTable({ region: config.AWS_REGION, tableName: config.TABLE_NAME }),
  clock: systemClock,
  publicObjects: bucketPublicObjects(config),
  // Issue 26: the CDN is told through a queue (see queued-invalidator.ts); no queue, no CDN in front.
  cdn: config.CDN_INVALIDATION_QUEUE_URL
    ? queuedInvalidator(sqsQueue(sqs, config.CDN_INVALIDATION_QUEUE_URL))
    : undefined,
  musicQueue: sqsQueue<MusicMessage>(sqs, config.MUSIC_QUEUE_URL),
});

const renderRequest = v.object({
  issueId: v.pipe(
    v.string(),
    v.transform(parseIssueId),
    v.check((id) => id !== undefined, 'not an issue id'),
    v.transform((id) => id as IssueId),
  ),
  revision: v.pipe(v.number(), v.integer(), v.minValue(1)),
});

export const handler = async (event: unknown): Promise<RenderOutcome> => {
  const { issueId, revision } = v.parse(renderRequest, event);
  const outcome = await renderIssue(issueId, revision, deps);
  logger.info('render finished', { issueId, revision, ...outcome });
  return outcome;
};
