import * as v from 'valibot';
import { secretsExtensionEnv } from './aws.ts';
import { commonEnv } from './common.ts';
import { required, requiredCount } from './fields.ts';
import { type Env, parseEnv } from './parse-env.ts';

/** The daily deliverability job's settings (infra/constructs/deliverability-check.ts sets each one). */
export const loadDeliverabilityEnv = (env: Env) =>
  parseEnv(
    v.object({
      AWS_REGION: required('AWS_REGION'),
      TABLE_NAME: required('TABLE_NAME'),
      SENDER_DOMAIN: required('SENDER_DOMAIN'),
      MAIL_FROM_DOMAIN: required('MAIL_FROM_DOMAIN'),
      DMARC_REPORTS: required('DMARC_REPORTS'),
      CONCURRENCY_NEEDED: requiredCount('CONCURRENCY_NEEDED'),
      // The ids as the stack wrote them (comma-separated); the probes only ask the networks named.
      SOCIAL_NETWORKS: v.optional(v.string(), ''),
      SECRETS_ARN: required('SECRETS_ARN'),
      SOCIAL_ACCOUNTS_SECRET_ARN: required('SOCIAL_ACCOUNTS_SECRET_ARN'),
      ...secretsExtensionEnv,
      LOG_LEVEL: commonEnv.LOG_LEVEL,
    }),
    env,
  );
