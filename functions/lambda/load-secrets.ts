import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as v from 'valibot';
import { type AppSecrets, appSecrets } from '../config/aws-config.ts';
import { ConfigError } from '../config/config-error.ts';

/** Read once per cold start; a rotated secret reaches new instances, and both secrets stay valid meanwhile. */
export const loadSecrets = async (client: SecretsManagerClient, secretId: string): Promise<AppSecrets> => {
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  const parsed = v.safeParse(appSecrets, JSON.parse(SecretString ?? '{}'));
  if (!parsed.success) {
    throw new ConfigError(
      `Secret ${secretId} is invalid: ${parsed.issues.map((i) => `${v.getDotPath(i)}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.output;
};
