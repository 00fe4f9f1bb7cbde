import { signedAwsFetch } from '../../shared/adapters/aws/signed-fetch.ts';
import { systemClock } from '../../shared/ports/clock.ts';
import type { AwsApiConfig } from '../../shared/domain/settings/aws-app.ts';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import type { HttpHome } from '../wiring/http.ts';
import { openTable } from '../wiring/table.ts';
import { awsRenderTrigger } from '../../shared/adapters/aws/aws-render-trigger.ts';
import { lambdaAppSecrets } from './load-secrets.ts';
import { lambdaOutbound } from '../../shared/adapters/http/lambda-outbound.ts';
import { bucketPublicObjects } from './public-objects.ts';

/**
 * Where the HTTP functions (public and admin) find things on AWS, once per cold start; secrets are read by
 * the routes that need them, through the extension.
 */
export const awsHttpHome = (config: AwsApiConfig): HttpHome => ({
  table: openTable({ region: config.AWS_REGION, tableName: config.TABLE_NAME }),
  // Issue 26: the pages the render step built; a cache miss at the CDN costs this one read.
  publicObjects: bucketPublicObjects(config),
  renderTrigger: awsRenderTrigger(config),
  secrets: lambdaAppSecrets(config),
  ses: signedAwsFetch({ service: 'ses', region: config.AWS_REGION }),
  outbound: lambdaOutbound(),
  clock: systemClock,
  logger: createJsonLogger({ service: 'api', level: config.LOG_LEVEL }),
  // API Gateway answers HTTPS only.
  hsts: true,
  edgeToken: config.CDN_EDGE_TOKEN,
});
