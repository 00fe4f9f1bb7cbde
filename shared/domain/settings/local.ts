import * as v from 'valibot';
import { studioEnv } from './author.ts';
import { commonEnv, DEFAULT_NAME, senderEnv } from './common.ts';
import { required, requiredUrl, secretList } from './fields.ts';
import { type Env, parseEnv } from './parse-env.ts';

const localEnv = v.object({
  ...commonEnv,
  ...studioEnv,
  DYNAMODB_ENDPOINT: requiredUrl('DYNAMODB_ENDPOINT'),
  SES_ENDPOINT: requiredUrl('SES_ENDPOINT'),
  TABLE_NAME: v.optional(v.pipe(v.string(), v.minLength(1)), 'dimanche'),
  POSTAL_ADDRESS: v.optional(
    v.pipe(v.string(), v.minLength(1)),
    'Dimanche, 12 rue des Lilas, 75011 Paris, France',
  ),
  ...senderEnv({ address: 'sunday@newsletter.example.com', name: DEFAULT_NAME }),
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
export const loadLocalConfig = (env: Env): LocalConfig => parseEnv(localEnv, env);
