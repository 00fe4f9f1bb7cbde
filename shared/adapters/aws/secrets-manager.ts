import { SESv2Client } from '@aws-sdk/client-sesv2';
import { signedAwsFetch } from './signed-fetch.ts';

/** Secrets Manager refused or failed a read: the doctor names the secret and the status. */
export class SecretReadError extends Error {
  override name = 'SecretReadError';
}

/**
 * Secrets Manager's GetSecretValue, signed by hand (one call: no client dependency), with the credentials the
 * AWS CLI would use. `endpoint` is the SDK's own override variable as the caller read it, so the doctor's test
 * points it at a local fake.
 */
export const getSecretString = (region: string, endpoint?: string) => {
  // Any SDK client resolves the credentials the way the AWS CLI does (profile, SSO, environment).
  const client = new SESv2Client({ region });
  const credentials = () => client.config.credentials();
  const call = signedAwsFetch({
    service: 'secretsmanager',
    region,
    credentials,
    ...(endpoint ? { endpoint } : {}),
  });
  return async (secretId: string): Promise<string> => {
    const response = await call({
      method: 'POST',
      path: '/',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'secretsmanager.GetSecretValue',
      },
      body: JSON.stringify({ SecretId: secretId }),
    });
    if (!response.ok) throw new SecretReadError(`GetSecretValue ${secretId}: HTTP ${response.status}`);
    return ((await response.json()) as { SecretString?: string }).SecretString ?? '{}';
  };
};
