import * as v from 'valibot';
import { commonEnv, required, secretList } from './common.ts';
import { parseEnv } from './config-error.ts';

const localEnv = v.object({
  ...commonEnv,
  DYNAMODB_ENDPOINT: v.pipe(required('DYNAMODB_ENDPOINT'), v.url('DYNAMODB_ENDPOINT must be a URL')),
  SES_ENDPOINT: v.pipe(required('SES_ENDPOINT'), v.url('SES_ENDPOINT must be a URL')),
  TABLE_NAME: v.optional(v.pipe(v.string(), v.minLength(1)), 'dimanche'),
  POSTAL_ADDRESS: v.optional(
    v.pipe(v.string(), v.minLength(1)),
    'Dimanche, 12 rue des Lilas, 75011 Paris, France',
  ),
  WEBHOOK_SECRETS: secretList('WEBHOOK_SECRETS'),
  ADMIN_TOKENS: secretList('ADMIN_TOKENS'),
});

export type LocalConfig = v.InferOutput<typeof localEnv>;

/** On one machine the secrets come from the environment (a git-ignored file written by `npm start`). */
export const loadLocalConfig = (env: Record<string, string | undefined>): LocalConfig =>
  parseEnv(localEnv, env);
