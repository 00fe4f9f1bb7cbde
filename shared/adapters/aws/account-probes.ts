import { LambdaClient } from '@aws-sdk/client-lambda';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { dnsProbe } from '../dns/dns-probe.ts';
import { type CreatePublishersOptions, createPublishers } from '../social/create-publishers.ts';
import { parseSocialAccounts } from '../social/parse-social-accounts.ts';
import { socialTokenProbe } from '../social/token-probe.ts';
import { emptySecretEntries } from '../../domain/deliverability/secret-entries.ts';
import type { AccountProbes } from '../../ports/account-probes.ts';
import type { Clock } from '../../ports/clock.ts';
import { lambdaAccountProbe } from './lambda-account-probe.ts';
import { sesAccountProbe, sesIdentityProbe } from './ses-account-probe.ts';

export type AccountProbesOptions = {
  region: string;
  /** DNS servers (host or host:port); the system's resolvers when absent. */
  dnsServers?: readonly string[];
  /** Confirmed readers now. */
  audience: () => Promise<number>;
  /** The app secret's and the social accounts' JSON strings. */
  appSecret: () => Promise<string>;
  socialSecret: () => Promise<string>;
  networks: readonly string[];
  clock: Clock;
  /** One machine: the account fake's address (SES v2 and Lambda both), with its dummy credentials. */
  localEndpoint?: string;
  /** How the publishers reach their networks (one machine: the loopback-only fetch of the fakes). */
  publishers?: CreatePublishersOptions;
};

/**
 * The doctor's probes, for `npm run doctor` and for the daily deliverability job alike: SES and Lambda through
 * their SDK clients (endpoints from the SDK's own AWS_ENDPOINT_URL_* variables), the rest as each home reads it.
 */
export const accountProbes = (options: AccountProbesOptions): AccountProbes => {
  const { region, networks, clock } = options;
  const local = options.localEndpoint
    ? { endpoint: options.localEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
    : {};
  const ses = new SESv2Client({ region, ...local });
  const socialJson = async () => JSON.parse(await options.socialSecret()) as Record<string, unknown>;
  return {
    sesAccount: sesAccountProbe(ses),
    identity: sesIdentityProbe(ses),
    dns: dnsProbe(options.dnsServers),
    lambda: lambdaAccountProbe(new LambdaClient({ region, ...local })),
    audience: options.audience,
    socialTokens: async () => {
      if (networks.length === 0) return [];
      const accounts = parseSocialAccounts('the social accounts secret', await options.socialSecret());
      return socialTokenProbe(createPublishers(accounts, { clock, ...options.publishers }), networks)();
    },
    emptySecrets: async () =>
      emptySecretEntries(
        JSON.parse(await options.appSecret()) as Record<string, unknown>,
        networks.length === 0 ? {} : await socialJson(),
        networks,
      ),
  };
};
