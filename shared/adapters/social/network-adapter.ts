import type * as v from 'valibot';
import type { NetworkPost } from '../../domain/social/compose-post.ts';
import type { SocialNetwork } from '../../domain/social/networks.ts';
import type { CheckAccess } from '../../ports/access-check.ts';
import type { IdentifyAccount } from '../../ports/account-identity.ts';
import type { OutboundFetch } from '../../ports/outbound-fetch.ts';
import type { PublishOutcome, PublishRequest, SocialPublisher } from '../../ports/social-publisher.ts';
import type { PublisherOptions } from './publish-http.ts';

/** A publisher for any network id, the ones a test adds included. */
export type NetworkPublisher<Id extends string = SocialNetwork> = Omit<
  SocialPublisher,
  'network' | 'publish'
> & {
  network: Id;
  publish: (request: Omit<PublishRequest, 'post'> & { post: NetworkPost<Id> }) => Promise<PublishOutcome>;
};

/**
 * What the adapters room knows of one network, keyed by the registry's id (adapters.ts): how its account is
 * written in the accounts document, and how a publisher is made of one. `Extra` is what only this network's
 * publisher takes (Bluesky's session hooks, Threads' container memory).
 */
export type NetworkAdapter<Account, Extra = object, Id extends string = SocialNetwork> = {
  /** Validates one account of the accounts document; its output is an `Account`. */
  accountSchema: v.GenericSchema<unknown, unknown>;
  /**
   * The account's one secret field, where a connected account's live token goes (the rest of the account is
   * the connection's profile).
   */
  secretField: keyof Account & string;
  publisher: (account: Account, options: PublisherOptions, extra: Extra) => NetworkPublisher<Id>;
} & ConnectSide;

/** How connecting it from Réglages learns who she is there. */
type ConnectSide = {
  /** The network's API, where its identity call answers; absent: her own server's (a Mastodon instance). */
  apiOrigin?: string;
  /**
   * Whom a token belongs to and the account's non-secret fields, asked of the API at `baseUrl` (apiOrigin, her
   * instance, or one machine's fake). Absent where her sign-in itself says (Bluesky's session).
   */
  identity?: (outbound: OutboundFetch, baseUrl: string) => IdentifyAccount;
  /** For a token the network never expires: whether it still opens her account (keepAccountsAlive). */
  checkAccess?: (outbound: OutboundFetch) => CheckAccess;
};

/** Any adapter: what a table of them holds (whatever its account, options and id). */
export type SomeAdapter = {
  accountSchema: v.GenericSchema<unknown, unknown>;
  secretField: string;
  publisher: (
    account: never,
    options: PublisherOptions,
    extra: never,
  ) => Omit<NetworkPublisher<string>, 'publish'> & { publish: (request: never) => Promise<PublishOutcome> };
} & ConnectSide;

type PublisherParameters<A> = A extends { publisher: (...args: infer P) => unknown } ? P : never;
export type AccountOf<A> = PublisherParameters<A>[0];
export type ExtraOf<A> = PublisherParameters<A>[2];

/** Only the configured (enabled) networks are present. */
export type AccountsOf<Table> = { [Id in keyof Table]?: AccountOf<Table[Id]> };

/** What every publisher takes, plus each network's own options under its id. */
export type PublishersOptions<Table> = PublisherOptions & { [Id in keyof Table]?: ExtraOf<Table[Id]> };

export type PublishersOf<Table> = {
  [Id in keyof Table]?: Table[Id] extends SomeAdapter ? ReturnType<Table[Id]['publisher']> : never;
};

/** Keeps the account and extra types of one adapter row. */
export const networkAdapter = <Account, Extra = object, Id extends string = SocialNetwork>(
  adapter: NetworkAdapter<Account, Extra, Id>,
) => adapter;
