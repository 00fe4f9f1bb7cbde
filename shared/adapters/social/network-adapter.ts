import type * as v from 'valibot';
import type { SocialNetwork } from '../../domain/social/networks.ts';
import type { SocialPublisher } from '../../ports/social-publisher.ts';
import type { PublisherOptions } from './publish-http.ts';

/** A publisher for any network id, the ones a test adds included. */
export type NetworkPublisher<Id extends string = SocialNetwork> = Omit<SocialPublisher, 'network'> & {
  network: Id;
};

/**
 * What the adapters room knows of one network, keyed by the registry's id (adapters.ts): how its account is
 * written in the accounts document, and how a publisher is made of one. `Extra` is what only this network's
 * publisher takes (Bluesky's session hooks, Threads' container memory).
 */
export type NetworkAdapter<Account, Extra = object, Id extends string = SocialNetwork> = {
  /** Validates one account of the accounts document; its output is an `Account`. */
  accountSchema: v.GenericSchema<unknown, unknown>;
  publisher: (account: Account, options: PublisherOptions, extra: Extra) => NetworkPublisher<Id>;
};

/** Any adapter: what a table of them holds. */
export type SomeAdapter = NetworkAdapter<never, never, string>;

export type AccountOf<A> = A extends NetworkAdapter<infer Account, never, string> ? Account : never;
export type ExtraOf<A> = A extends NetworkAdapter<never, infer Extra, string> ? Extra : never;

/** Only the configured (enabled) networks are present. */
export type AccountsOf<Table> = { [Id in keyof Table]?: AccountOf<Table[Id]> };

/** What every publisher takes, plus each network's own options under its id. */
export type PublishersOptions<Table> = PublisherOptions & { [Id in keyof Table]?: ExtraOf<Table[Id]> };

export type PublishersOf<Table> = {
  [Id in keyof Table]?: Table[Id] extends SomeAdapter ? ReturnType<Table[Id]['publisher']> : never;
};

/** Keeps the account and extra types of one adapter row. */
export const networkAdapter = <Account, Extra = object>(adapter: NetworkAdapter<Account, Extra>) => adapter;
