import * as v from 'valibot';
import { commonEnv, required, secretList, senderEnv } from './common.ts';
import { parseEnv } from './config-error.ts';
import { studioEnv } from './studio-config.ts';

const localEnv = v.object({
  ...commonEnv,
  ...studioEnv,
  DYNAMODB_ENDPOINT: v.pipe(required('DYNAMODB_ENDPOINT'), v.url('DYNAMODB_ENDPOINT must be a URL')),
  SES_ENDPOINT: v.pipe(required('SES_ENDPOINT'), v.url('SES_ENDPOINT must be a URL')),
  TABLE_NAME: v.optional(v.pipe(v.string(), v.minLength(1)), 'dimanche'),
  POSTAL_ADDRESS: v.optional(
    v.pipe(v.string(), v.minLength(1)),
    'Dimanche, 12 rue des Lilas, 75011 Paris, France',
  ),
  ...senderEnv({ address: 'sunday@newsletter.example.com', name: 'Online Sunday Morning Sound' }),
  WEBHOOK_SECRETS: secretList('WEBHOOK_SECRETS'),
  ADMIN_TOKENS: secretList('ADMIN_TOKENS'),
  // "id:secret,id:secret": the first signs, all verify.
  LINK_KEYS: v.pipe(
    secretList('LINK_KEYS'),
    v.transform((pairs) =>
      pairs.map((pair) => ({
        id: pair.slice(0, pair.indexOf(':')),
        secret: pair.slice(pair.indexOf(':') + 1),
      })),
    ),
    v.check(
      (keys) => keys.every((k) => k.id.length > 0 && k.secret.length >= 32),
      'LINK_KEYS must be id:secret pairs, secrets of 32 characters or more',
    ),
  ),
  SUBSCRIBER_ID_KEY: v.pipe(
    required('SUBSCRIBER_ID_KEY'),
    v.minLength(32, 'SUBSCRIBER_ID_KEY must be at least 32 characters'),
  ),
  WORDPRESS_TOKEN: v.optional(
    v.pipe(v.string(), v.minLength(32, 'WORDPRESS_TOKEN must be at least 32 characters')),
  ),
});

export type LocalConfig = v.InferOutput<typeof localEnv>;

/** On one machine the secrets come from the environment (a git-ignored file written by `npm start`). */
export const loadLocalConfig = (env: Record<string, string | undefined>): LocalConfig =>
  parseEnv(localEnv, env);
