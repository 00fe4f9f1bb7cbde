import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoConnectedAccounts } from '../../shared/adapters/dynamodb/connected-account-store.ts';
import { dynamoInstanceApps } from '../../shared/adapters/dynamodb/instance-app-store.ts';
import { mastodonAppRegistrar } from '../../shared/adapters/oauth/mastodon-app-registrar.ts';
import { oauth4webapiClient } from '../../shared/adapters/oauth/oauth4webapi-client.ts';
import { routedOAuthClient } from '../../shared/adapters/oauth/routed-oauth-client.ts';
import { atprotoRefresher } from '../../shared/adapters/social/bluesky/atproto-refresher.ts';
import { threadsLongLivedTokens } from '../../shared/adapters/oauth/threads-long-lived.ts';
import { SOCIAL_ADAPTERS } from '../../shared/adapters/social/adapters.ts';
import { blueskyIdentity } from '../../shared/adapters/social/bluesky/identity.ts';
import { atprotoClientMetadata } from '../../shared/adapters/oauth/atproto-client-metadata.ts';
import { atprotoOAuthClient } from '../../shared/adapters/oauth/atproto-oauth-client.ts';
import {
  ATPROTO_ORIGINS,
  discoverAtprotoSignIn,
} from '../../shared/adapters/social/bluesky/oauth-discovery.ts';
import { facebookLongLivedToken } from '../../shared/adapters/social/facebook/long-lived.ts';
import type { OAuthProvider } from '../../shared/domain/accounts/oauth-provider.ts';
import { oauthProviderFor } from '../../shared/domain/accounts/sign-in.ts';
import type { OperatorApps } from '../../shared/domain/settings/operator-apps.ts';
import { isSocialNetwork } from '../../shared/domain/social/networks.ts';
import { NETWORK_REGISTRY } from '../../shared/domain/social/registry.ts';
import type { Clock } from '../../shared/ports/clock.ts';
import type { OutboundFetch } from '../../shared/ports/outbound-fetch.ts';
import type { TokenSealer } from '../../shared/ports/token-sealer.ts';
import { accountUrls } from '../studio/account-urls.ts';
import type { StudioAccounts } from '../studio/accounts-deps.ts';

/** A network's sign-in addresses, where a fake's differ from the network's own (one machine). */
export type SignInEndpoints = Pick<
  OAuthProvider,
  'authorizationEndpoint' | 'tokenEndpoint' | 'revocationEndpoint'
>;

export type AccountsHome = {
  /** Where the connected accounts, the sign-ins under way and the Mastodon apps are kept: the one table. */
  table: { doc: DynamoDBDocumentClient; tableName: string };
  sealer: TokenSealer;
  /** The guarded client: every address here may come from her (a Mastodon instance). */
  outbound: OutboundFetch;
  clock: Clock;
  publicBaseUrl: string;
  random: () => string;
  /** The operator's developer apps (a secret on AWS, the fakes' consoles on one machine), read when needed. */
  apps: () => Promise<OperatorApps>;
  /** One machine's fakes: each network's API origin and sign-in addresses. */
  local?: {
    api: (network: string) => string | undefined;
    signIn: (network: string) => Promise<SignInEndpoints | undefined>;
  };
};

/** The studio's "Connecter" deps, the same on AWS and on one machine but for the addresses. */
export const studioAccounts = (home: AccountsHome): StudioAccounts => {
  const { outbound, clock, sealer } = home;
  const instanceApps = dynamoInstanceApps(home.table.doc, home.table.tableName);
  const api = (network: string) =>
    home.local?.api(network) ??
    (isSocialNetwork(network) ? SOCIAL_ADAPTERS[network].apiOrigin : undefined) ??
    '';
  const redirectUri = accountUrls(home.publicBaseUrl).callback;
  // Bluesky's grants are atproto's: Déconnecter withdraws them at her own server, with atproto's client.
  const oauth = routedOAuthClient(oauth4webapiClient({ outbound, clock }), {
    bluesky: atprotoRefresher({ outbound, clock }),
  });
  const provider = async (network: string, instance?: string): Promise<OAuthProvider | undefined> => {
    if (!NETWORK_REGISTRY.has(network)) return undefined;
    const { signIn } = NETWORK_REGISTRY.row(network);
    if (signIn.kind === 'instance-oauth') {
      const kept = instance ? await instanceApps.get(instance, redirectUri(network)) : undefined;
      if (!kept) return undefined;
      const app = { clientId: kept.clientId, clientSecret: await sealer.open(kept.sealedSecret) };
      return oauthProviderFor(network, signIn, app, { instance: kept.instance });
    }
    const app = (await home.apps())[network];
    const found = app && oauthProviderFor(network, signIn, app);
    // Bluesky's server is each account's own, kept with its tokens: no fake's console moves it.
    if (!found || !home.local || signIn.kind !== 'oauth') return found;
    const endpoints = await home.local.signIn(network);
    return endpoints && { ...found, ...endpoints };
  };
  /** Her handle is resolved by bsky.social and her DID by plc.directory; on one machine, by the Bluesky fake. */
  const discover = discoverAtprotoSignIn(
    outbound,
    home.local?.api('bluesky')
      ? { handleResolver: api('bluesky'), plcDirectory: api('bluesky') }
      : ATPROTO_ORIGINS,
  );
  const blueskyOAuth = async () => {
    const app = (await home.apps()).bluesky;
    if (!app?.privateJwk) return undefined;
    const atproto = {
      clientId: app.clientId,
      privateJwk: app.privateJwk,
      redirectUri: redirectUri('bluesky'),
    };
    return {
      deps: {
        accounts: dynamoConnectedAccounts(home.table.doc, home.table.tableName),
        sealer,
        clock,
        random: home.random,
        discover,
        client: atprotoOAuthClient({ outbound, clock, app: atproto }),
      },
      clientMetadata: atprotoClientMetadata(atproto, {
        clientName: 'Dimanche',
        clientUri: home.publicBaseUrl,
      }),
    };
  };
  const longLived = threadsLongLivedTokens({ outbound, clock, graphOrigin: api('threads') });
  const facebookLongLived = facebookLongLivedToken({ outbound, clock, baseUrl: api('facebook') });
  /** The consent page's token traded for the one kept, where the network's sign-in gives a short-lived one. */
  const keep: Record<'threads' | 'facebook', StudioAccounts['keep']> = {
    threads: async (_, found, tokens) => longLived.exchange(found, tokens.accessToken),
    facebook: async (_, found, tokens) => facebookLongLived(found, tokens.accessToken),
  };
  const keepOf = (network: string) => {
    const signIn = NETWORK_REGISTRY.has(network) ? NETWORK_REGISTRY.row(network).signIn : undefined;
    return signIn?.kind === 'oauth' && signIn.longLived ? keep[signIn.longLived] : undefined;
  };
  return {
    accounts: dynamoConnectedAccounts(home.table.doc, home.table.tableName),
    sealer,
    clock,
    oauth,
    outbound,
    random: home.random,
    redirectUri,
    provider,
    hasApp: async (network) => (await provider(network)) !== undefined,
    keep: async (network, found, tokens) => keepOf(network)?.(network, found, tokens),
    // Her instance is where a Mastodon account's identity answers; every other network's API is its own.
    identify: async (network, accessToken, instance) => {
      const identity = isSocialNetwork(network) ? SOCIAL_ADAPTERS[network].identity : undefined;
      if (!identity) return { ok: false, error: 'refused', detail: `no identity call for ${network}` };
      return identity(outbound, instance ?? api(network))(accessToken);
    },
    apps: instanceApps,
    register: mastodonAppRegistrar(outbound),
    website: home.publicBaseUrl,
    openSession: blueskyIdentity(outbound, api('bluesky')),
    blueskyOAuth,
  };
};
