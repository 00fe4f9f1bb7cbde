import type { AccountProvider } from '../../../shared/usecases/accounts/access-token.ts';
import type { LocalConnection } from '../oauth/local-sign-in.ts';
import type { FakeNetwork } from './fake-network.ts';
import type { SomeStandIn, StandIn } from './stand-in.ts';

type AccountOf<S> = S extends StandIn<infer Account> ? Account : never;

export type StartedStandIns<Table> = {
  urls: { [Id in keyof Table]: string };
  /** Accounts that the fakes accept: what `npm start` and the tests configure. */
  accounts: { [Id in keyof Table]: AccountOf<Table[Id]> };
  /** Who refreshes each connection: the fake's authorization server, or only the network's id. */
  providers: { [Id in keyof Table]: AccountProvider };
  close: () => Promise<void>;
};

/**
 * One fake per row of a table of stand-ins on 127.0.0.1, on free ports unless given; all or none. Given the
 * runtime's store, each connection is kept there (see connectLocally).
 */
export const startStandIns = async <Table extends Record<string, SomeStandIn>>(
  standIns: Table,
  ports: Partial<Record<keyof Table, number>> = {},
  into?: LocalConnection,
): Promise<StartedStandIns<Table>> => {
  const ids = Object.keys(standIns);
  const started = await Promise.allSettled(
    ids.map((id) => (standIns[id] as SomeStandIn)(ports[id as keyof Table] ?? 0, into)),
  );
  const running: FakeNetwork[] = started.flatMap((result) =>
    result.status === 'fulfilled' ? [result.value.fake] : [],
  );
  const close = async () => void (await Promise.all(running.map((fake) => fake.close())));
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await close();
    throw new Error('a social fake did not start', { cause: failed.reason });
  }
  const each = started.flatMap((result, index) =>
    result.status === 'fulfilled' ? [{ id: ids[index] as string, ...result.value }] : [],
  );
  return {
    urls: Object.fromEntries(each.map(({ id, fake }) => [id, fake.url])) as StartedStandIns<Table>['urls'],
    accounts: Object.fromEntries(
      each.map(({ id, account }) => [id, account]),
    ) as StartedStandIns<Table>['accounts'],
    providers: Object.fromEntries(
      each.map(({ id, provider }) => [id, provider]),
    ) as StartedStandIns<Table>['providers'],
    close,
  };
};
