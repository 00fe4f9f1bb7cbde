import { dynamoConnectedAccounts } from '../../shared/adapters/dynamodb/connected-account-store.ts';
import { oauth4webapiClient } from '../../shared/adapters/oauth/oauth4webapi-client.ts';
import { threadsLongLivedTokens } from '../../shared/adapters/oauth/threads-long-lived.ts';
import type { ConnectedAccount } from '../../shared/domain/accounts/connected-account.ts';
import type { OAuthProvider } from '../../shared/domain/accounts/oauth-provider.ts';
import { oauthProviderFor } from '../../shared/domain/accounts/sign-in.ts';
import { ACCOUNTS_REFRESH_AHEAD_MS } from '../../shared/domain/settings/accounts-refresh.ts';
import type { OperatorApps } from '../../shared/domain/settings/operator-apps.ts';
import { NETWORK_REGISTRY } from '../../shared/domain/social/registry.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import type { LongLivedTokens } from '../../shared/ports/long-lived-tokens.ts';
import type { OutboundFetch } from '../../shared/ports/outbound-fetch.ts';
import type { TokenSealer } from '../../shared/ports/token-sealer.ts';
import type { AccessDeps } from '../../shared/usecases/accounts/access-token.ts';
import {
  keepAccountsAlive,
  type KeepAliveOutcome,
} from '../../shared/usecases/accounts/keep-accounts-alive.ts';
import type { Table } from './table.ts';

/**
 * The networks signed in through a developer app, for each the operator registered one for (a network without
 * an app has no account to keep). `origin`: one machine's fake in place of the network.
 */
export const appProviders = (apps: OperatorApps, options: { origin?: string } = {}): OAuthProvider[] =>
  NETWORK_REGISTRY.rows.flatMap((row) => {
    const app = apps[row.id];
    const provider =
      app && row.signIn.kind === 'oauth' ? oauthProviderFor(row.id, row.signIn, app, options) : undefined;
    return provider ? [provider] : [];
  });

/**
 * What reading and refreshing her tokens needs, the same on AWS and on one machine: a refresh token where the
 * network gives one, Meta's renewal call for Threads' long-lived token.
 */
export const accountsAccess = (options: {
  table: Table;
  sealer: TokenSealer;
  /** The home's guarded client: token endpoints are public addresses (a Mastodon instance is hers to name). */
  outbound: OutboundFetch;
  clock: Clock;
  /** Told once per break that a network must be reconnected: her French mail with the link, once written. */
  reconnectNeeded: (account: ConnectedAccount) => Promise<void>;
}): AccessDeps & { longLived: LongLivedTokens } => ({
  oauth: oauth4webapiClient({ outbound: options.outbound, clock: options.clock }),
  longLived: threadsLongLivedTokens({ outbound: options.outbound, clock: options.clock }),
  accounts: dynamoConnectedAccounts(options.table.doc, options.table.tableName),
  sealer: options.sealer,
  clock: options.clock,
  reconnectNeeded: options.reconnectNeeded,
});

/**
 * The scheduled job: every account of a network in `providers` is left with a token that outlives the next run.
 * The providers are asked at each run: on AWS from the apps' secret, so a client id put there counts next hour.
 */
export const accountsRefresh =
  (access: AccessDeps, providers: () => Promise<readonly OAuthProvider[]>) =>
  async (): Promise<Record<string, KeepAliveOutcome>> =>
    keepAccountsAlive(await providers(), access, ACCOUNTS_REFRESH_AHEAD_MS);
