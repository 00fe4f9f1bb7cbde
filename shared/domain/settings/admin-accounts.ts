import * as v from 'valibot';
import { type Env, parseEnv } from './parse-env.ts';

const arn = (name: string) =>
  v.optional(v.pipe(v.string(), v.trim(), v.startsWith('arn:', `${name} must be an ARN (arn:aws:…)`)));

const accountsEnv = v.pipe(
  v.object({
    /** The KMS key her tokens are sealed with (Encrypt and Decrypt, with the purpose as encryption context). */
    TOKEN_KEY_ARN: arn('TOKEN_KEY_ARN'),
    /** The operator's developer apps, `{"x": {"clientId", "clientSecret"?}, …}` (operator-apps.ts). */
    SOCIAL_APPS_SECRET_ARN: arn('SOCIAL_APPS_SECRET_ARN'),
  }),
  v.check(
    (env) => (env.TOKEN_KEY_ARN === undefined) === (env.SOCIAL_APPS_SECRET_ARN === undefined),
    'TOKEN_KEY_ARN and SOCIAL_APPS_SECRET_ARN go together: set both (Réglages › Connecter) or neither',
  ),
);

export type AdminAccountsConfig = v.InferOutput<typeof accountsEnv>;

/**
 * The admin function's settings for Réglages' "Connecter" (issue 25). Neither set: Réglages shows each network's
 * state as before, without buttons; one without the other fails the cold start, naming both.
 */
export const loadAdminAccountsConfig = (env: Env): AdminAccountsConfig => parseEnv(accountsEnv, env);
