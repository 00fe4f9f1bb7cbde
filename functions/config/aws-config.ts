import * as v from 'valibot';
import { commonEnv, required, senderEnv } from './common.ts';
import { parseEnv } from './config-error.ts';
import { studioEnv } from './studio-config.ts';
import { invalidationQueueEnv, publicObjectsEnv } from './public-objects-config.ts';

const apiEnv = v.object({
  ...commonEnv,
  // Read by the admin function only (the studio); defaults keep the public function's settings unchanged.
  ...studioEnv,
  ...publicObjectsEnv,
  CDN_EDGE_TOKEN: v.optional(
    v.pipe(v.string(), v.minLength(16, 'CDN_EDGE_TOKEN must be at least 16 characters')),
  ),
  TABLE_NAME: required('TABLE_NAME'),
  RENDER_FUNCTION_NAME: required('RENDER_FUNCTION_NAME'),
  SECRETS_ARN: required('SECRETS_ARN'),
  AWS_REGION: required('AWS_REGION'),
  ...senderEnv(),
  // Set by Lambda (the token) and by the Parameters and Secrets extension's layer (the port).
  AWS_SESSION_TOKEN: required('AWS_SESSION_TOKEN'),
  // The SDK's standard per-service endpoint override; unset on AWS. The DynamoDB client reads its own.
  AWS_ENDPOINT_URL_LAMBDA: v.optional(v.pipe(v.string(), v.url('AWS_ENDPOINT_URL_LAMBDA must be a URL'))),
  PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: v.optional(
    v.pipe(
      v.string(),
      v.transform(Number),
      v.integer('PARAMETERS_SECRETS_EXTENSION_HTTP_PORT must be a port'),
    ),
    '2773',
  ),
});

const renderEnv = v.object({
  ...commonEnv,
  TABLE_NAME: required('TABLE_NAME'),
  POSTAL_ADDRESS: required('POSTAL_ADDRESS'),
  AWS_REGION: required('AWS_REGION'),
  // Where a new revision's track resolutions and first link check go (issue 7).
  MUSIC_QUEUE_URL: required('MUSIC_QUEUE_URL'),
  ...publicObjectsEnv,
  ...invalidationQueueEnv,
});

export type AwsApiConfig = v.InferOutput<typeof apiEnv>;
export type AwsRenderConfig = v.InferOutput<typeof renderEnv>;

export const loadAwsApiConfig = (env: Record<string, string | undefined>) => parseEnv(apiEnv, env);
export const loadAwsRenderConfig = (env: Record<string, string | undefined>) => parseEnv(renderEnv, env);

/** The JSON kept in Secrets Manager: never in environment variables, where the console shows it. */
export const appSecrets = v.object({
  webhookSecrets: v.pipe(
    v.array(v.pipe(v.string(), v.startsWith('whsec_', 'must start with whsec_'))),
    v.minLength(1, 'needs at least one secret'),
  ),
  linkKeys: v.pipe(
    v.array(
      v.object({
        id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,32}$/, 'must be 1 to 32 letters, digits, _ or -')),
        secret: v.pipe(v.string(), v.minLength(32, 'must be at least 32 characters')),
      }),
    ),
    v.minLength(1, 'needs at least one key'),
  ),
  subscriberIdKey: v.pipe(v.string(), v.minLength(32, 'must be at least 32 characters')),
  adminTokens: v.pipe(
    v.array(v.pipe(v.string(), v.minLength(24, 'must be at least 24 characters'))),
    v.minLength(1, 'needs at least one token'),
  ),
  /** The WordPress.com webhook URL's secret segment; absent, that route answers 404. */
  wordpressToken: v.optional(
    v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{32,}$/, 'must be 32 or more letters, digits, _ or -')),
  ),
});
