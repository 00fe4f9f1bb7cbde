import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type LocalSecrets = {
  webhookSecret: string;
  adminToken: string;
  linkKey: string;
  subscriberIdKey: string;
  /** The WordPress.com webhook URL's secret segment. */
  wordpressToken: string;
};

const generate = (): LocalSecrets => ({
  webhookSecret: `whsec_${randomBytes(32).toString('base64')}`,
  adminToken: randomBytes(24).toString('base64url'),
  linkKey: randomBytes(32).toString('base64url'),
  subscriberIdKey: randomBytes(32).toString('base64url'),
  wordpressToken: randomBytes(32).toString('base64url'),
});

/**
 * Made once per data folder and kept there (git-ignored), so `npm run post` signs with the same secret and
 * subscriber ids stay stable across restarts. A file from an older version gets the keys it lacks.
 */
export const localSecrets = (file: string): LocalSecrets => {
  const existing = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalSecrets>) : {};
  const secrets = { ...generate(), ...existing };
  if (Object.keys(existing).length !== Object.keys(secrets).length) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  }
  return secrets;
};

/** The same secrets as the environment variables the local configuration reads. */
export const localSecretsEnv = (secrets: LocalSecrets) => ({
  WEBHOOK_SECRETS: secrets.webhookSecret,
  ADMIN_TOKENS: secrets.adminToken,
  LINK_KEYS: `local:${secrets.linkKey}`,
  SUBSCRIBER_ID_KEY: secrets.subscriberIdKey,
  WORDPRESS_TOKEN: secrets.wordpressToken,
});
