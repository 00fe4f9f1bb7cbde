import { KMSClient } from '@aws-sdk/client-kms';

/** The SDK's own client on the KMS stand-in: signed requests, its retries (`maxAttempts`) as on AWS. */
export const kmsClient = (endpoint: string, maxAttempts = 3) =>
  new KMSClient({
    region: 'eu-west-3',
    endpoint,
    maxAttempts,
    credentials: { accessKeyId: 'AKIDSTANDIN', secretAccessKey: 'stand-in' },
  });
