import * as v from 'valibot';
import { studioEnv } from './author.ts';
import { lambdaEndpointEnv, secretsExtensionEnv } from './aws.ts';
import { commonEnv, senderEnv } from './common.ts';
import { required } from './fields.ts';
import { type Env, parseEnv } from './parse-env.ts';
import { invalidationQueueEnv, publicObjectsEnv } from './public-objects.ts';

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
  ...secretsExtensionEnv,
  ...lambdaEndpointEnv,
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

/** The public and admin functions (one app's settings, each reads its part). */
export const loadAwsApiConfig = (env: Env) => parseEnv(apiEnv, env);
export const loadAwsRenderConfig = (env: Env) => parseEnv(renderEnv, env);
