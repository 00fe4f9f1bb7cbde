import * as v from 'valibot';
import { required } from './common.ts';
import { parseEnv } from './config-error.ts';

const count = (name: string) =>
  v.pipe(required(name), v.transform(Number), v.integer(`${name} must be a whole number`), v.minValue(1));

/** The daily deliverability job's settings (infra/constructs/deliverability-check.ts sets each one). */
export const loadDeliverabilityEnv = (env: Record<string, string | undefined>) =>
  parseEnv(
    v.object({
      AWS_REGION: required('AWS_REGION'),
      TABLE_NAME: required('TABLE_NAME'),
      SENDER_DOMAIN: required('SENDER_DOMAIN'),
      MAIL_FROM_DOMAIN: required('MAIL_FROM_DOMAIN'),
      DMARC_REPORTS: required('DMARC_REPORTS'),
      CONCURRENCY_NEEDED: count('CONCURRENCY_NEEDED'),
      SOCIAL_NETWORKS: v.optional(v.string(), ''),
      SECRETS_ARN: required('SECRETS_ARN'),
      SOCIAL_ACCOUNTS_SECRET_ARN: required('SOCIAL_ACCOUNTS_SECRET_ARN'),
      AWS_SESSION_TOKEN: required('AWS_SESSION_TOKEN'),
      PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: v.optional(v.pipe(v.string(), v.transform(Number)), '2773'),
      LOG_LEVEL: v.optional(v.picklist(['info', 'warn', 'error', 'silent']), 'info'),
    }),
    env,
  );
