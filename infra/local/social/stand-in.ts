import type { FakeNetwork } from './fake-network.ts';

/** One network's fake started on a port (0: any free one), with an account that it accepts. */
export type StandIn<Account> = (port: number) => Promise<{ fake: FakeNetwork; account: Account }>;

/** Any stand-in: what a table of them holds. */
export type SomeStandIn = StandIn<unknown>;
