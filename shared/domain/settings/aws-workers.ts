import * as v from 'valibot';
import { secretsExtensionEnv } from './aws.ts';
import { commonEnv } from './common.ts';
import { required } from './fields.ts';
import { type Env, parseEnv } from './parse-env.ts';
import { socialEnv } from './social.ts';

const base = {
  AWS_REGION: required('AWS_REGION'),
  TABLE_NAME: required('TABLE_NAME'),
  LOG_LEVEL: commonEnv.LOG_LEVEL,
};

export const loadDispatchEnv = (env: Env) =>
  parseEnv(
    v.object({
      ...base,
      PUBLIC_BASE_URL: commonEnv.PUBLIC_BASE_URL,
      SEND_QUEUE_URL: required('SEND_QUEUE_URL'),
      SOCIAL_QUEUE_URL: required('SOCIAL_QUEUE_URL'),
      TIME_ZONE: commonEnv.TIME_ZONE,
    }),
    env,
  );

export const loadSenderEnv = (env: Env) =>
  parseEnv(
    v.object({
      ...base,
      PUBLIC_BASE_URL: commonEnv.PUBLIC_BASE_URL,
      SEND_QUEUE_URL: required('SEND_QUEUE_URL'),
      SECRETS_ARN: required('SECRETS_ARN'),
      ...secretsExtensionEnv,
    }),
    env,
  );

/** SES's events: they need no secret, but read it when the stack hands one over. */
export const loadSesEventsEnv = (env: Env) =>
  parseEnv(
    v.object({
      ...base,
      SECRETS_ARN: v.optional(v.string()),
      AWS_SESSION_TOKEN: v.optional(v.string()),
      PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: secretsExtensionEnv.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT,
    }),
    env,
  );

/** The social worker: its queue (to put a rate-limited post back, delayed) and the accounts' secret. */
export const loadSocialWorkerEnv = (env: Env) =>
  parseEnv(
    v.object({
      ...base,
      PUBLIC_BASE_URL: commonEnv.PUBLIC_BASE_URL,
      SERIES_NAME: commonEnv.SERIES_NAME,
      ...socialEnv,
      SOCIAL_QUEUE_URL: required('SOCIAL_QUEUE_URL'),
      SOCIAL_ACCOUNTS_SECRET_ARN: required('SOCIAL_ACCOUNTS_SECRET_ARN'),
      ...secretsExtensionEnv,
    }),
    env,
  );
