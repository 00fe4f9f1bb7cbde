import { audienceOf } from '../../functions/wiring/deliverability.ts';
import { openTable } from '../../functions/wiring/table.ts';
import { accountProbes } from '../../shared/adapters/aws/account-probes.ts';
import { getSecretString } from '../../shared/adapters/aws/secrets-manager.ts';
import type { AccountProbes } from '../../shared/ports/account-probes.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import type { DoctorSettings } from './doctor-settings.ts';

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
  const secret = getSecretString(region, env['AWS_ENDPOINT_URL_SECRETS_MANAGER']);
  const servers = env['DOCTOR_DNS_SERVERS']?.split(',').filter(Boolean);
  const dynamoEndpoint = env['AWS_ENDPOINT_URL_DYNAMODB'];
  return accountProbes({
    region,
    ...(servers ? { dnsServers: servers } : {}),
    networks: settings.networks,
    clock,
    audience: async () => {
      if (settings.audience !== undefined) return settings.audience;
      const tableName = needed('TableName', settings.tableName);
      return audienceOf(openTable({ region, tableName, endpoint: dynamoEndpoint }), clock)();
    },
    appSecret: () => secret(needed('SecretArn', settings.secretArn)),
    socialSecret: () => secret(needed('SocialAccountsSecretArn', settings.socialSecretArn)),
  });
};
