import { dynamoConnectedAccounts } from '../../shared/adapters/dynamodb/connected-account-store.ts';
import { dynamoRateLimits } from '../../shared/adapters/dynamodb/rate-limits.ts';
import { oauth4webapiClient } from '../../shared/adapters/oauth/oauth4webapi-client.ts';
import { routedOAuthClient } from '../../shared/adapters/oauth/routed-oauth-client.ts';
import { atprotoRefresher } from '../../shared/adapters/social/bluesky/atproto-refresher.ts';
import { threadsLongLivedTokens } from '../../shared/adapters/oauth/threads-long-lived.ts';
import { savedBlueskySession } from '../../shared/adapters/social/bluesky/saved-session.ts';
import type { ConnectedAccount } from '../../shared/domain/accounts/connected-account.ts';
import type { OAuthProvider } from '../../shared/domain/accounts/oauth-provider.ts';
import { ACCOUNTS_REFRESH_AHEAD_MS } from '../../shared/domain/settings/accounts-refresh.ts';
import type { OperatorApps } from '../../shared/domain/settings/operator-apps.ts';
import { NETWORK_REGISTRY } from '../../shared/domain/social/registry.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import type { OutboundFetch } from '../../shared/ports/outbound-fetch.ts';
import type { TokenSealer } from '../../shared/ports/token-sealer.ts';
import type { AccessDeps, AccountProvider } from '../../shared/usecases/accounts/access-token.ts';
import { accountProviders } from '../../shared/usecases/accounts/account-providers.ts';
import {
  keepAccountsAlive,
  type KeepAliveChecks,
  type KeepAliveOutcome,
} from '../../shared/usecases/accounts/keep-accounts-alive.ts';
import type { Table } from './table.ts';

/**
 * The networks signed in through a developer app, for each the operator registered one for (a network without
 * an app has no account to keep). `origin`: one machine's fake in place of the network.
 */
export const appProviders = (apps: OperatorApps, options: { origin?: string } = {}): OAuthProvider[] =>
  accountProviders(NETWORK_REGISTRY.rows, apps, { origin: () => options.origin }).filter(
    (provider): provider is OAuthProvider => 'tokenEndpoint' in provider,
  );

/**
 * Her connected accounts on the table, opened and refreshed: what the social worker and the refresh before
 * Sunday read live tokens through, in both homes (KMS seals them on AWS, a key file on one machine).
 */
export const accountAccessDeps = (
  table: Table,
  context: {
    sealer: TokenSealer;
    outbound: OutboundFetch;
    clock: Clock;
    reconnectNeeded: (account: ConnectedAccount) => Promise<void>;
    /** Where Threads' Graph API answers, when not beside its token endpoint (one machine's fake). */
    threadsGraphOrigin?: string;
  },
): AccessDeps => ({
  // Bluesky's tokens are DPoP-bound and refreshed at her PDS's own server: atproto's client does it.
  oauth: routedOAuthClient(oauth4webapiClient({ outbound: context.outbound, clock: context.clock }), {
    bluesky: atprotoRefresher({ outbound: context.outbound, clock: context.clock }),
  }),
  accounts: dynamoConnectedAccounts(table.doc, table.tableName),
  sealer: context.sealer,
  clock: context.clock,
  reconnectNeeded: context.reconnectNeeded,
  longLived: threadsLongLivedTokens({
    outbound: context.outbound,
    clock: context.clock,
    ...(context.threadsGraphOrigin ? { graphOrigin: context.threadsGraphOrigin } : {}),
  }),
});

/**
 * The Bluesky publisher's session kept on her connected account (sealed), so that a cold start resumes it with a
 * refresh instead of a login: what the social worker passes as the publisher's session hooks, in both homes.
 */
export const blueskySessions = ({ doc, tableName }: Table, sealer: TokenSealer) =>
  savedBlueskySession({ accounts: dynamoConnectedAccounts(doc, tableName), sealer });

/**
 * What importing the old accounts document needs: her accounts, and claims that outlive every run, so that each
 * account of the document is imported once (never brought back after she disconnected it).
 */
export const accountImportStores = ({ doc, tableName }: Table) => ({
  accounts: dynamoConnectedAccounts(doc, tableName),
  claims: dynamoRateLimits(doc, tableName),
});

/**
 * The scheduled job: every account of a network in `providers` is left with a token that outlives the next run.
 * The providers are asked at each run: on AWS from the apps' secret, so a client id put there counts next hour.
 */
export const accountsRefresh =
  (access: AccessDeps, providers: () => Promise<readonly AccountProvider[]>, checks?: KeepAliveChecks) =>
  async (): Promise<Record<string, KeepAliveOutcome>> =>
    keepAccountsAlive(await providers(), access, ACCOUNTS_REFRESH_AHEAD_MS, checks);
