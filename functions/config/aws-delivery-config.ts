import * as v from 'valibot';
import { commonEnv, required } from './common.ts';
import { socialEnv } from './social-config.ts';
import { parseEnv } from './config-error.ts';

const base = {
  AWS_REGION: required('AWS_REGION'),
  TABLE_NAME: required('TABLE_NAME'),
  LOG_LEVEL: v.optional(v.picklist(['info', 'warn', 'error', 'silent']), 'info'),
};

const withUrl = {
  PUBLIC_BASE_URL: v.pipe(required('PUBLIC_BASE_URL'), v.url('PUBLIC_BASE_URL must be a URL')),
};

export const loadDispatchEnv = (env: Record<string, string | undefined>) =>
  parseEnv(
    v.object({
      ...base,
      ...withUrl,
      SEND_QUEUE_URL: required('SEND_QUEUE_URL'),
      SOCIAL_QUEUE_URL: required('SOCIAL_QUEUE_URL'),
      TIME_ZONE: v.optional(v.string(), 'Europe/Paris'),
    }),
    env,
  );

export const loadSenderEnv = (env: Record<string, string | undefined>) =>
  parseEnv(
    v.object({
      ...base,
      ...withUrl,
      SEND_QUEUE_URL: required('SEND_QUEUE_URL'),
      SECRETS_ARN: required('SECRETS_ARN'),
      AWS_SESSION_TOKEN: required('AWS_SESSION_TOKEN'),
      PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: v.optional(v.pipe(v.string(), v.transform(Number)), '2773'),
    }),
    env,
  );

export const loadSesEventsEnv = (env: Record<string, string | undefined>) =>
  parseEnv(
    v.object({
      ...base,
      SECRETS_ARN: v.optional(v.string()),
      AWS_SESSION_TOKEN: v.optional(v.string()),
      PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: v.optional(v.pipe(v.string(), v.transform(Number)), '2773'),
    }),
    env,
  );

/** The social worker: its queue (to put a rate-limited post back, delayed) and the accounts' secret. */
export const loadSocialWorkerEnv = (env: Record<string, string | undefined>) =>
  parseEnv(
    v.object({
      ...base,
      ...withUrl,
      SERIES_NAME: commonEnv.SERIES_NAME,
      ...socialEnv,
      SOCIAL_QUEUE_URL: required('SOCIAL_QUEUE_URL'),
      SOCIAL_ACCOUNTS_SECRET_ARN: required('SOCIAL_ACCOUNTS_SECRET_ARN'),
      AWS_SESSION_TOKEN: required('AWS_SESSION_TOKEN'),
      PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: v.optional(v.pipe(v.string(), v.transform(Number)), '2773'),
    }),
    env,
  );
