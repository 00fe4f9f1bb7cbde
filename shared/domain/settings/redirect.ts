import * as v from 'valibot';
import { commonEnv } from './common.ts';
import { required } from './fields.ts';
import { type Env, parseEnv } from './parse-env.ts';

/** The click redirect needs only its table: no secrets, no public address, so its cold start stays short. */
const redirectEnv = v.object({
  AWS_REGION: required('AWS_REGION'),
  TABLE_NAME: required('TABLE_NAME'),
  LOG_LEVEL: commonEnv.LOG_LEVEL,
});

export type AwsRedirectConfig = v.InferOutput<typeof redirectEnv>;

export const loadAwsRedirectConfig = (env: Env): AwsRedirectConfig => parseEnv(redirectEnv, env);
