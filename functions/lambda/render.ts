import { SQSClient } from '@aws-sdk/client-sqs';
import * as v from 'valibot';
import { sqsQueue } from '../../shared/adapters/sqs/sqs-queue.ts';
import type { MusicMessage } from '../../shared/ports/music-queue.ts';
import { renderMusicDeps } from '../music/music-deps.ts';
import { createMjmlRenderer } from '../../emails/mjml-renderer.ts';
import { createDocumentClient } from '../../shared/adapters/dynamodb/client.ts';
import { dynamoIssueStore } from '../../shared/adapters/dynamodb/issue-store.ts';
import { type IssueId, parseIssueId } from '../../shared/domain/issue.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import type { RenderOutcome } from '../../shared/ports/render-trigger.ts';
import { renderIssue } from '../../shared/usecases/render-issue.ts';
import { loadAwsRenderConfig } from '../config/aws-config.ts';
import { createJsonLogger } from '../observability/json-logger.ts';
import { archiveFeeds } from '../render/archive-feeds.ts';
import { archiveUrl } from '../routes/links.ts';
import { queuedInvalidator } from '../../shared/adapters/cdn/queued-invalidator.ts';
import { publicPages } from '../render/public-pages.ts';
import { bucketPublicObjects } from './public-objects.ts';

// Composition root of the render function: the only function that loads MJML.
const config = loadAwsRenderConfig(process.env);
const logger = createJsonLogger({ service: 'render', level: config.LOG_LEVEL });
const doc = createDocumentClient({ region: config.AWS_REGION });
const sqs = new SQSClient({ region: config.AWS_REGION });
const objects = bucketPublicObjects(config);
// Issue 26: the CDN is told through a queue (see queued-invalidator.ts); no queue, no CDN in front.
const cdn = config.CDN_INVALIDATION_QUEUE_URL
  ? queuedInvalidator(sqsQueue(sqs, config.CDN_INVALIDATION_QUEUE_URL))
  : undefined;
const deps = {
  store: dynamoIssueStore(doc, config.TABLE_NAME),
  renderer: createMjmlRenderer({
    seriesName: config.SERIES_NAME,
    postalAddress: config.POSTAL_ADDRESS,
    subscribeUrl: `${config.PUBLIC_BASE_URL}/subscribe`,
  }),
  clock: systemClock,
  archiveUrl: (slug: string) => archiveUrl(config.PUBLIC_BASE_URL, slug),
  feeds: archiveFeeds(config),
  ...(objects ? { publicPages: publicPages(config, objects, cdn) } : {}),
  ...renderMusicDeps({
    doc,
    tableName: config.TABLE_NAME,
    queue: sqsQueue<MusicMessage>(sqs, config.MUSIC_QUEUE_URL),
    clock: systemClock,
    publicBaseUrl: config.PUBLIC_BASE_URL,
  }),
};

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
