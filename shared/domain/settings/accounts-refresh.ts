import * as v from 'valibot';
import { secretsExtensionEnv } from './aws.ts';
import { commonEnv } from './common.ts';
import { required } from './fields.ts';
import { type Env, parseEnv } from './parse-env.ts';

/** How often the schedule runs the refresh (the stack's schedule says the same; a test holds them together). */
export const ACCOUNTS_REFRESH_EVERY_MS = 60 * 60_000;

/**
 * How long a token must still live when the job leaves it: until the next run, plus a margin for a run that
 * starts late or fails once. X's 2-hour tokens are therefore refreshed every hour, never seen dead at a post.
 */
export const ACCOUNTS_REFRESH_AHEAD_MS = ACCOUNTS_REFRESH_EVERY_MS + 30 * 60_000;

/**
 * The scheduled refresh of her connected accounts: the table, the KMS key that seals their tokens (its ARN; a
 * reference until deploy, so only its presence is checked), and the operator's developer apps' secret.
 */
export const loadAccountsRefreshEnv = (env: Env) =>
  parseEnv(
    v.object({
      AWS_REGION: required('AWS_REGION'),
      TABLE_NAME: required('TABLE_NAME'),
      LOG_LEVEL: commonEnv.LOG_LEVEL,
      PUBLIC_BASE_URL: commonEnv.PUBLIC_BASE_URL,
      TOKEN_KEY_ARN: required('TOKEN_KEY_ARN'),
      SOCIAL_APPS_SECRET_ARN: required('SOCIAL_APPS_SECRET_ARN'),
      // The accounts document of a stack deployed before connected accounts, imported once account by account.
      SOCIAL_ACCOUNTS_SECRET_ARN: v.optional(v.string()),
      ...secretsExtensionEnv,
    }),
    env,
  );

export type AccountsRefreshEnv = ReturnType<typeof loadAccountsRefreshEnv>;
