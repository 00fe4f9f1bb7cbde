import type { AccountProvider } from '../../../shared/usecases/accounts/access-token.ts';
import type { LocalConnection } from '../oauth/local-sign-in.ts';
import type { FakeNetwork } from './fake-network.ts';

/**
 * One network's fake started on a port (0: any free one), with an account that it accepts; given the runtime's
 * store, the connection is kept there (on the store's clock), and `provider` refreshes it against the fake.
 */
export type StandIn<Account> = (
  port: number,
  into?: LocalConnection,
) => Promise<{ fake: FakeNetwork; account: Account; provider: AccountProvider }>;

/** Any stand-in: what a table of them holds. */
export type SomeStandIn = StandIn<unknown>;
