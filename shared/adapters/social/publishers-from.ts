import type { PublisherOptions } from './publish-http.ts';
import type { AccountsOf, PublishersOf, PublishersOptions, SomeAdapter } from './network-adapter.ts';

/**
 * The publisher factory of a table of adapters: one publisher per configured account, a network without an
 * account has none.
 * @example
 *   const publishers = publishersFrom(SOCIAL_ADAPTERS)(accounts, { timeoutMs: 10_000 });
 */
export const publishersFrom =
  <Table extends Record<string, SomeAdapter>>(adapters: Table) =>
  (accounts: AccountsOf<Table>, options: PublishersOptions<Table> = {}): PublishersOf<Table> => {
    const own = options as Record<string, unknown>;
    const common = Object.fromEntries(
      Object.entries(options).filter(([key]) => !Object.hasOwn(adapters, key)),
    ) as PublisherOptions;
    const configured = accounts as Record<string, unknown>;
    const publishers: Record<string, unknown> = {};
    for (const [id, adapter] of Object.entries(adapters)) {
      const account = configured[id];
      if (account) publishers[id] = adapter.publisher(account as never, common, (own[id] ?? {}) as never);
    }
    return publishers as PublishersOf<Table>;
  };
