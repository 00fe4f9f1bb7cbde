import * as v from 'valibot';
import { type ExtensionSecretOptions, extensionSecret } from '../../shared/adapters/aws/extension-secret.ts';
import type { AppSecrets, SecretsSource } from '../../shared/ports/secrets.ts';
import { appSecrets } from '../../shared/domain/settings/app-secrets.ts';
import { ConfigError } from '../../shared/domain/settings/parse-env.ts';

/** What the runtime gives every Lambda to reach the secrets extension its stack adds. */
type ExtensionEnv = { PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: number; AWS_SESSION_TOKEN: string };

/** The app's secret through the extension; one of the wrong shape is a ConfigError naming each field. */
export const secretsExtensionSource = (options: ExtensionSecretOptions): SecretsSource =>
  extensionSecret(options, (raw) => parseSecrets(options.secretId, raw));

/** The app's secret (SECRETS_ARN) as a Lambda reads it. */
export const lambdaAppSecrets = (env: ExtensionEnv & { SECRETS_ARN: string }): SecretsSource =>
  lambdaSecret(env, env.SECRETS_ARN, (raw) => parseSecrets(env.SECRETS_ARN, raw));

/** Any other secret by id, as a Lambda reads it. */
export const lambdaSecret = <T>(env: ExtensionEnv, secretId: string, parse: (raw: string | undefined) => T) =>
  extensionSecret(
    { secretId, port: env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT, sessionToken: env.AWS_SESSION_TOKEN },
    parse,
  );

const parseSecrets = (secretId: string, raw: string | undefined): AppSecrets => {
  const parsed = v.safeParse(appSecrets, JSON.parse(raw ?? '{}'));
  if (!parsed.success) {
    const problems = parsed.issues.map((i) => `${v.getDotPath(i)}: ${i.message}`).join('; ');
    throw new ConfigError(`Secret ${secretId} is invalid: ${problems}`);
  }
  return parsed.output;
};
