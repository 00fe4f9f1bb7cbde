import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Cron } from 'croner';
import { accountProbes } from '../../../shared/adapters/aws/account-probes.ts';
import { concurrencyNeeded } from '../../../shared/domain/settings/concurrency-needed.ts';
import type { CreatePublishersOptions } from '../../../shared/adapters/social/create-publishers.ts';
import type { Clock } from '../../../shared/ports/clock.ts';
import type { Logger } from '../../../shared/ports/logger.ts';
import { audienceOf, deliverabilityStore } from '../../../functions/wiring/deliverability.ts';
import { refreshDeliverability } from '../../../shared/usecases/deliverability/check-deliverability.ts';
import { startAccountFake } from '../account/account-fake.ts';
import { healthyAccount, healthyZone } from '../account/account-state.ts';
import { startDnsStub } from '../account/dns-stub.ts';
import type { LocalSecrets } from './local-secrets.ts';

const REGION = 'eu-west-3';

export type LocalDeliverabilityOptions = {
  doc: DynamoDBDocumentClient;
  tableName: string;
  senderAddress: string;
  secrets: LocalSecrets;
  socialAccounts: object;
  /** Her connected accounts with a live token each, probed instead of `socialAccounts` (which may have died). */
  liveSocialAccounts?: () => Promise<object>;
  networks: readonly string[];
  publishers: CreatePublishersOptions;
  maxSenders: number;
  sendRate: number;
  /** The Sunday run's HH:MM and zone: the check runs daily an hour before, as on AWS. */
  sendTime: string;
  timeZone: string;
  clock: Clock;
  logger: Logger;
  /** Where the table is, for the `npm run doctor` command this prints. */
  dynamoEndpoint?: string;
};

/**
 * The daily deliverability check on one machine: the doctor's checks against a fake SES/Lambda account and a
 * DNS stub set up as the deploy guide says (its control is the fake's state and zone), run at start and daily.
 */
export const startLocalDeliverability = async (options: LocalDeliverabilityOptions) => {
  const { doc, tableName, clock, logger, secrets } = options;
  const domain = options.senderAddress.slice(options.senderAddress.lastIndexOf('@') + 1).toLowerCase();
  const state = healthyAccount(domain);
  const zone = healthyZone(domain, REGION);
  const [fake, dns] = await Promise.all([startAccountFake(state), startDnsStub(zone)]);
  const probes = accountProbes({
    region: REGION,
    localEndpoint: fake.url,
    dnsServers: [dns.server],
    networks: options.networks,
    clock,
    publishers: options.publishers,
    audience: audienceOf({ doc, tableName }, clock),
    appSecret: async () => state.secrets['local-secret'] ?? '{}',
    socialSecret: async () =>
      options.liveSocialAccounts
        ? JSON.stringify(await options.liveSocialAccounts())
        : (state.secrets['local-social-accounts'] ?? '{}'),
  });
  // The fake's Secrets Manager holds them too, for `npm run doctor` against it.
  state.secrets['local-secret'] = JSON.stringify({
    webhookSecrets: [secrets.webhookSecret],
    adminTokens: [secrets.adminToken],
    linkKeys: [{ id: 'local', secret: secrets.linkKey }],
    subscriberIdKey: secrets.subscriberIdKey,
  });
  state.secrets['local-social-accounts'] = JSON.stringify(options.socialAccounts);
  const store = deliverabilityStore({ doc, tableName });
  const plan = {
    domain,
    mailFromDomain: `bounce.${domain}`,
    region: REGION,
    concurrencyNeeded: concurrencyNeeded(options.maxSenders),
    sendRate: options.sendRate,
    reportAddress: `dmarc@${domain}`,
  };
  const run = async () => {
    try {
      const report = await refreshDeliverability({ probes, store, clock, plan });
      logger.info('deliverability checked', {
        failed: report.items.filter((i) => i.status === 'fail').length,
      });
    } catch (error) {
      logger.error('deliverability check failed', { error: String(error) });
    }
  };
  await run();
  const [hour = 9, minute = 0] = options.sendTime.split(':').map(Number);
  const job = new Cron(`${minute} ${(hour + 23) % 24} * * *`, { timezone: options.timeZone }, run);
  return {
    state,
    zone,
    run,
    nextRun: () => job.nextRun()?.toISOString(),
    describe: [
      `a fake SES/Lambda account at ${fake.url}, DNS stub at ${dns.server}; the same checks from the CLI:`,
      `  AWS_REGION=${REGION} AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_ENDPOINT_URL_SESV2=${fake.url} \\`,
      `  AWS_ENDPOINT_URL_LAMBDA=${fake.url} AWS_ENDPOINT_URL_SECRETS_MANAGER=${fake.url} DOCTOR_DNS_SERVERS=${dns.server} \\`,
      ...(options.dynamoEndpoint ? [`  AWS_ENDPOINT_URL_DYNAMODB=${options.dynamoEndpoint} \\`] : []),
      `  npm run doctor -- -c senderAddress=${options.senderAddress} -c socialNetworks=${options.networks.join(',')} \\`,
      `    --table ${tableName} --secret local-secret --social-secret local-social-accounts --lang fr`,
    ].join('\n'),
    close: async () => {
      job.stop();
      await new Promise<void>((done) => fake.server.close(() => done()));
      dns.socket.close();
    },
  };
};
