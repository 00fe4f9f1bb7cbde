import * as v from 'valibot';
import { commonEnv, required } from './common.ts';
import { parseEnv } from './config-error.ts';

/** The click redirect needs only its table: no secrets, no public address, so its cold start stays short. */
const redirectEnv = v.object({
  AWS_REGION: required('AWS_REGION'),
  TABLE_NAME: required('TABLE_NAME'),
  LOG_LEVEL: commonEnv.LOG_LEVEL,
});

export type AwsRedirectConfig = v.InferOutput<typeof redirectEnv>;

export const loadAwsRedirectConfig = (env: Record<string, string | undefined>): AwsRedirectConfig =>
  parseEnv(redirectEnv, env);
