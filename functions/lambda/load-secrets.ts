import * as v from 'valibot';
import type { AppSecrets, SecretsSource } from '../app-deps.ts';
import { appSecrets } from '../../shared/domain/settings/app-secrets.ts';
import { ConfigError } from '../../shared/domain/settings/parse-env.ts';

const CACHE_MS = 5 * 60_000;

/**
 * Reads the secret through the AWS Parameters and Secrets Lambda Extension (a layer the stack adds): a local
 * HTTP call, cached there and here for five minutes, so a rotated secret is picked up without a redeploy and
 * no Secrets Manager client is bundled. A failed read is retried by the next request.
 */
export const secretsExtensionSource = (options: ExtensionSecretOptions): SecretsSource =>
  extensionSecret(options, (raw) => parseSecrets(options.secretId, raw));

type ExtensionSecretOptions = {
  secretId: string;
  port: number;
  sessionToken: string;
  now?: () => number;
};

/** One secret's string through the extension, parsed by `parse`, cached; a failed read or parse is retried. */
export const extensionSecret = <T>(
  { secretId, port, sessionToken, now = () => Date.now() }: ExtensionSecretOptions,
  parse: (raw: string | undefined) => T,
): (() => Promise<T>) => {
  let cached: { value: Promise<T>; until: number } | undefined;
  const load = async (): Promise<T> => {
    const url = `http://localhost:${port}/secretsmanager/get?secretId=${encodeURIComponent(secretId)}`;
    const response = await fetch(url, { headers: { 'X-Aws-Parameters-Secrets-Token': sessionToken } });
    if (!response.ok)
      throw new ConfigError(
        `Secret ${secretId} could not be read: HTTP ${response.status} ${await response.text()}`,
      );
    const { SecretString } = (await response.json()) as { SecretString?: string };
    return parse(SecretString);
  };
  return () => {
    if (!cached || cached.until < now()) {
      const value = load();
      cached = { value, until: now() + CACHE_MS };
      value.catch(() => {
        cached = undefined;
      });
    }
    return cached.value;
  };
};

export const parseSecrets = (secretId: string, raw: string | undefined): AppSecrets => {
  const parsed = v.safeParse(appSecrets, JSON.parse(raw ?? '{}'));
  if (!parsed.success) {
    const problems = parsed.issues.map((i) => `${v.getDotPath(i)}: ${i.message}`).join('; ');
    throw new ConfigError(`Secret ${secretId} is invalid: ${problems}`);
  }
  return parsed.output;
};
