import type { BlueskyOAuthDeps } from '../../shared/adapters/social/bluesky/oauth-connect.ts';
import type { SessionCheck } from '../../shared/ports/account-identity.ts';
import type { NetworkConnectDeps } from '../../shared/usecases/accounts/connect-network.ts';
import type { InstanceConnectDeps } from '../../shared/usecases/accounts/connect-instance.ts';

/**
 * What "Connecter" needs in the studio: the connected-account store and its sealer, the OAuth client, each
 * network's provider (the operator's app) and identity call, Mastodon's per-instance apps and Bluesky's
 * session check. Built by functions/wiring/studio-accounts.ts for both homes.
 */
export type StudioAccounts = NetworkConnectDeps &
  InstanceConnectDeps & {
    /** Whether the operator registered an app for this OAuth network. */
    hasApp: (network: string) => Promise<boolean>;
    /** Bluesky's createSession on her PDS, once. */
    openSession: (identifier: string, password: string) => Promise<SessionCheck>;
    /** Bluesky by atproto OAuth and its client metadata document: only with the operator's client key. */
    blueskyOAuth?: () => Promise<{ deps: BlueskyOAuthDeps; clientMetadata: object } | undefined>;
  };
