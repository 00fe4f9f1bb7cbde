import { Duration } from 'aws-cdk-lib';
import { ParamsAndSecretsLayerVersion, ParamsAndSecretsLogLevel } from 'aws-cdk-lib/aws-lambda';
import { SECRETS_EXTENSION_VERSION } from '../deploy-regions.ts';

/**
 * The AWS Parameters and Secrets Lambda extension: functions read the secret over a local HTTP call, cached
 * five minutes (functions/lambda/load-secrets.ts), instead of bundling a Secrets Manager client.
 */
export const secretsExtension = () =>
  ParamsAndSecretsLayerVersion.fromVersion(SECRETS_EXTENSION_VERSION, {
    cacheEnabled: true,
    cacheSize: 10,
    secretsManagerTtl: Duration.minutes(5),
    logLevel: ParamsAndSecretsLogLevel.WARN,
  });
