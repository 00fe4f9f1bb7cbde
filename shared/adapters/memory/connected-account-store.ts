import type { ConnectedAccount } from '../../domain/accounts/connected-account.ts';
import type { ConnectedAccountStore, PendingConnect } from '../../ports/connected-account-store.ts';

/** The ConnectedAccountStore in memory, with the DynamoDB adapter's conditional writes (the contract suite). */
export const memoryConnectedAccounts = (): ConnectedAccountStore => {
  const accounts = new Map<string, ConnectedAccount>();
  const pending = new Map<string, PendingConnect & { used?: boolean }>();
  const copy = <T>(value: T): T => structuredClone(value);
  return {
    get: async (provider) => copy(accounts.get(provider)),
    list: async () => [...accounts.values()].sort((a, b) => a.provider.localeCompare(b.provider)).map(copy),
    put: async (account, expected) => {
      if (accounts.get(account.provider)?.version !== expected) return false;
      accounts.set(account.provider, copy(account));
      return true;
    },
    remove: async (provider, expected) => {
      if (accounts.get(provider)?.version !== expected) return false;
      accounts.delete(provider);
      return true;
    },
    savePending: async (item) => void pending.set(item.state, copy(item)),
    takePending: async (state, now) => {
      const item = pending.get(state);
      if (!item || item.used || item.validUntil <= now) return undefined;
      item.used = true;
      const { used: _used, ...rest } = item;
      return copy(rest);
    },
  };
};
