const CACHE_MS = 5 * 60_000;

/** The extension could not hand out the secret (not ready, no permission, no such secret). */
export class SecretReadError extends Error {
  override name = 'SecretReadError';
}

export type ExtensionSecretOptions = {
  secretId: string;
  port: number;
  sessionToken: string;
  now?: () => number;
};

/**
 * One secret's string through the AWS Parameters and Secrets Lambda Extension (a layer the stack adds): a local
 * HTTP call, cached there and here for five minutes, so a rotated secret is picked up without a redeploy and
 * no Secrets Manager client is bundled. Parsed by `parse`; a failed read or parse is retried by the next call.
 */
export const extensionSecret = <T>(
  { secretId, port, sessionToken, now = () => Date.now() }: ExtensionSecretOptions,
  parse: (raw: string | undefined) => T,
): (() => Promise<T>) => {
  let cached: { value: Promise<T>; until: number } | undefined;
  const load = async (): Promise<T> => {
    const url = `http://localhost:${port}/secretsmanager/get?secretId=${encodeURIComponent(secretId)}`;
    const response = await fetch(url, { headers: { 'X-Aws-Parameters-Secrets-Token': sessionToken } });
    if (!response.ok)
      throw new SecretReadError(
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
