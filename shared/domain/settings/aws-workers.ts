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

/**
 * The social worker: its queue (to put a rate-limited post back, delayed), and her connected accounts: the
 * KMS key their tokens are sealed with (TOKEN_KEY_ARN) and the operator's developer apps that refresh them
 * (SOCIAL_APPS_SECRET_ARN). Until a stack hands over the key, the old accounts document
 * (SOCIAL_ACCOUNTS_SECRET_ARN) is read as before; one of the two is required.
 */
export const loadSocialWorkerEnv = (env: Env) =>
  parseEnv(
    v.pipe(
      v.object({
        ...base,
        PUBLIC_BASE_URL: commonEnv.PUBLIC_BASE_URL,
        SERIES_NAME: commonEnv.SERIES_NAME,
        ...socialEnv,
        SOCIAL_QUEUE_URL: required('SOCIAL_QUEUE_URL'),
        TOKEN_KEY_ARN: v.optional(v.pipe(v.string(), v.minLength(1, 'TOKEN_KEY_ARN is empty'))),
        SOCIAL_APPS_SECRET_ARN: v.optional(
          v.pipe(v.string(), v.minLength(1, 'SOCIAL_APPS_SECRET_ARN is empty')),
        ),
        SOCIAL_ACCOUNTS_SECRET_ARN: v.optional(
          v.pipe(v.string(), v.minLength(1, 'SOCIAL_ACCOUNTS_SECRET_ARN is empty')),
        ),
        ...secretsExtensionEnv,
      }),
      v.check(
        (config) => config.TOKEN_KEY_ARN !== undefined || config.SOCIAL_ACCOUNTS_SECRET_ARN !== undefined,
        'TOKEN_KEY_ARN is required (the key her connected accounts are sealed with)',
      ),
    ),
    env,
  );
