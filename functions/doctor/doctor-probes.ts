import { createDocumentClient } from '../../shared/adapters/dynamodb/client.ts';
import { dynamoSubscriberStore } from '../../shared/adapters/dynamodb/subscriber-store.ts';
import type { AccountProbes } from '../../shared/ports/account-probes.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import { countAudience } from '../../shared/usecases/campaign/count-audience.ts';
import { accountProbes } from './account-probes.ts';
import type { DoctorSettings } from './doctor-settings.ts';
import { getSecretString } from './secrets-manager.ts';

const needed = (what: string, value: string | undefined): string => {
  if (!value)
    throw new Error(
      `${what} unknown: deploy with npm run deploy (it writes cdk.out/outputs.json) or pass it`,
    );
  return value;
};

/**
 * `npm run doctor`'s probes, with the AWS CLI's credentials: the audience from the table, the secrets from
 * Secrets Manager (AWS_ENDPOINT_URL_DYNAMODB and AWS_ENDPOINT_URL_SECRETS_MANAGER point them elsewhere), DNS
 * through DOCTOR_DNS_SERVERS (comma-separated host:port) when set.
 */
export const doctorProbes = (
  settings: DoctorSettings,
  env: Record<string, string | undefined>,
  clock: Clock,
): AccountProbes => {
  const { region } = settings;
  const secret = getSecretString(region);
  const servers = env['DOCTOR_DNS_SERVERS']?.split(',').filter(Boolean);
  const dynamoEndpoint = env['AWS_ENDPOINT_URL_DYNAMODB'];
  return accountProbes({
    region,
    ...(servers ? { dnsServers: servers } : {}),
    networks: settings.networks,
    clock,
    audience: async () => {
      if (settings.audience !== undefined) return settings.audience;
      const doc = createDocumentClient({ region, ...(dynamoEndpoint ? { endpoint: dynamoEndpoint } : {}) });
      return countAudience(dynamoSubscriberStore(doc, needed('TableName', settings.tableName)), clock.now());
    },
    appSecret: () => secret(needed('SecretArn', settings.secretArn)),
    socialSecret: () => secret(needed('SocialAccountsSecretArn', settings.socialSecretArn)),
  });
};
