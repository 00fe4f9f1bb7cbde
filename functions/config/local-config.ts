import { z } from 'zod';
import { commonEnv, secretList } from './common.ts';
import { parseEnv } from './config-error.ts';

const localEnv = commonEnv.extend({
  DYNAMODB_ENDPOINT: z.url({ error: 'DYNAMODB_ENDPOINT must be a URL' }),
  SES_ENDPOINT: z.url({ error: 'SES_ENDPOINT must be a URL' }),
  TABLE_NAME: z.string().min(1).default('dimanche'),
  POSTAL_ADDRESS: z.string().min(1).default('Dimanche, 12 rue des Lilas, 75011 Paris, France'),
  WEBHOOK_SECRETS: secretList('WEBHOOK_SECRETS'),
  ADMIN_TOKENS: secretList('ADMIN_TOKENS'),
});

export type LocalConfig = z.infer<typeof localEnv>;

/** On one machine the secrets come from the environment (a git-ignored file written by `npm start`). */
export const loadLocalConfig = (env: Record<string, string | undefined>): LocalConfig =>
  parseEnv(localEnv, env);
