import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import * as v from 'valibot';
import { cloudFrontInvalidator } from '../../shared/adapters/cdn/cloudfront-invalidator.ts';
import { invalidationBatch } from '../../shared/adapters/cdn/invalidation-batch.ts';
import { required } from '../../shared/domain/settings/fields.ts';
import { parseEnv } from '../../shared/domain/settings/parse-env.ts';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import type { SqsRecord } from '../../shared/adapters/sqs/defer-sqs-record.ts';

// Composition root of the CDN's invalidation worker (issue 26): the render step's changed paths, a batch of
// messages at a time, become one CreateInvalidation. A failure throws: the batch comes back, then goes to the
// dead-letter queue, where an alarm sees it.
const env = parseEnv(
  v.object({
    CDN_DISTRIBUTION_ID: required('CDN_DISTRIBUTION_ID'),
    LOG_LEVEL: v.optional(v.picklist(['info', 'warn', 'error', 'silent']), 'info'),
  }),
  process.env,
);
const logger = createJsonLogger({ service: 'cdn-invalidate', level: env.LOG_LEVEL });
const client = new CloudFrontClient({});

export const handler = async (event: { Records: SqsRecord[] }) => {
  const { paths, reference } = invalidationBatch(event.Records);
  await cloudFrontInvalidator({
    distributionId: env.CDN_DISTRIBUTION_ID,
    client,
    reference: () => reference,
  }).invalidate(paths);
  logger.info('cdn invalidated', { paths: paths.length, reference });
};
