import { LambdaClient } from '@aws-sdk/client-lambda';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { lambdaAccountProbe } from '../../shared/adapters/aws/lambda-account-probe.ts';
import { sesAccountProbe, sesIdentityProbe } from '../../shared/adapters/aws/ses-account-probe.ts';
import { dnsProbe } from '../../shared/adapters/dns/dns-probe.ts';
import { createDocumentClient } from '../../shared/adapters/dynamodb/client.ts';
import { dynamoSubscriberStore } from '../../shared/adapters/dynamodb/subscriber-store.ts';
import { createPublishers } from '../../shared/adapters/social/create-publishers.ts';
import { socialTokenProbe } from '../../shared/adapters/social/token-probe.ts';
import { emptySecretEntries } from '../../shared/domain/deliverability/secret-entries.ts';
import type { AccountProbes } from '../../shared/ports/account-probes.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import { countAudience } from '../../shared/usecases/campaign/count-audience.ts';
import { parseSocialAccounts } from '../config/social-accounts.ts';
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
 * The probes against the account the AWS CLI's credentials reach. Endpoints follow the SDK's override
 * variables (AWS_ENDPOINT_URL_SESV2, AWS_ENDPOINT_URL_LAMBDA, AWS_ENDPOINT_URL_DYNAMODB, and
 * AWS_ENDPOINT_URL_SECRETS_MANAGER), DNS servers DOCTOR_DNS_SERVERS (comma-separated host:port).
 */
export const doctorProbes = (
  settings: DoctorSettings,
  env: Record<string, string | undefined>,
  clock: Clock,
): AccountProbes => {
  const { region } = settings;
  const ses = new SESv2Client({ region });
  const lambda = new LambdaClient({ region });
  const secret = getSecretString(region, () => ses.config.credentials());
  const servers = env['DOCTOR_DNS_SERVERS']?.split(',').filter(Boolean);
  const readJson = async (arn: string | undefined, what: string) =>
    JSON.parse(await secret(needed(what, arn))) as Record<string, unknown>;
  const socialRaw = async () => secret(needed('SocialAccountsSecretArn', settings.socialSecretArn));
  return {
    sesAccount: sesAccountProbe(ses),
    identity: sesIdentityProbe(ses),
    dns: dnsProbe(servers),
    lambda: lambdaAccountProbe(lambda),
    audience: async () => {
      if (settings.audience !== undefined) return settings.audience;
      const doc = createDocumentClient({
        region,
        ...(env['AWS_ENDPOINT_URL_DYNAMODB'] ? { endpoint: env['AWS_ENDPOINT_URL_DYNAMODB'] } : {}),
      });
      return countAudience(dynamoSubscriberStore(doc, needed('TableName', settings.tableName)), clock.now());
    },
    socialTokens: async () => {
      if (settings.networks.length === 0) return [];
      const accounts = parseSocialAccounts('SocialAccountsSecretArn', await socialRaw());
      return socialTokenProbe(createPublishers(accounts, { clock }), settings.networks)();
    },
    emptySecrets: async () =>
      emptySecretEntries(
        await readJson(settings.secretArn, 'SecretArn'),
        settings.networks.length === 0 ? {} : (JSON.parse(await socialRaw()) as Record<string, unknown>),
        settings.networks,
      ),
  };
};
