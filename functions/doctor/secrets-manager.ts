import { SESv2Client } from '@aws-sdk/client-sesv2';
import { signedAwsFetch } from '../../shared/adapters/aws/signed-fetch.ts';

/**
 * Secrets Manager's GetSecretValue, signed by hand (one call: no client dependency), with the credentials the
 * AWS CLI would use. `endpoint` follows the
 * SDK's own override variable, so the doctor's test points it at a local fake.
 */
export const getSecretString = (region: string) => {
  // Any SDK client resolves the credentials the way the AWS CLI does (profile, SSO, environment).
  const client = new SESv2Client({ region });
  const credentials = () => client.config.credentials();
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
