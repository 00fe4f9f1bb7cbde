import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type LocalSecrets = { webhookSecret: string; adminToken: string };

/** Made once per data folder and kept there (git-ignored), so `npm run post` can sign with the same secret. */
export const localSecrets = (file: string): LocalSecrets => {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets;
  const secrets: LocalSecrets = {
    webhookSecret: `whsec_${randomBytes(32).toString('base64')}`,
    adminToken: randomBytes(24).toString('base64url'),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  return secrets;
};
