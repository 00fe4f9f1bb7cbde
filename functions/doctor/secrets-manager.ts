import { signedAwsFetch } from '../../shared/adapters/aws/signed-fetch.ts';

type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

/**
 * Secrets Manager's GetSecretValue, signed by hand (one call: no client dependency). `endpoint` follows the
 * SDK's own override variable, so the doctor's test points it at a local fake.
 */
export const getSecretString = (region: string, credentials: () => Promise<Credentials>) => {
  const endpoint = process.env['AWS_ENDPOINT_URL_SECRETS_MANAGER'];
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
    if (!response.ok) throw new Error(`GetSecretValue ${secretId}: HTTP ${response.status}`);
    return ((await response.json()) as { SecretString?: string }).SecretString ?? '{}';
  };
};
