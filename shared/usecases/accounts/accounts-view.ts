import type { ConnectedAccount } from '../../domain/accounts/connected-account.ts';
import type { SignIn } from '../../domain/accounts/sign-in.ts';
import type { ConnectedAccountStore } from '../../ports/connected-account-store.ts';

/** One network as Réglages shows it: how she connects it, whether she can, and what is connected. */
export type NetworkState = {
  network: string;
  signIn: SignIn['kind'];
  /** false: the operator has registered no developer app for it (no "Connecter" then, a sentence). */
  canConnect: boolean;
  /**
   * For a network signed in by app password (Bluesky): whether the operator's client also lets her sign in on
   * her server's own page (OAuth), which the card then offers first.
   */
  oauth?: boolean;
  account?: Pick<
    ConnectedAccount,
    'label' | 'state' | 'accessExpiresAt' | 'canRefresh' | 'checkedAt' | 'lastError' | 'connectedAt'
  >;
};

/** Every network of the registry with its connected account, if any; nothing secret leaves the store here. */
export const accountsView = async (
  networks: readonly { id: string; signIn: SignIn }[],
  deps: {
    accounts: Pick<ConnectedAccountStore, 'list'>;
    /** Whether an OAuth network has the operator's app. */
    hasApp: (network: string) => Promise<boolean>;
  },
): Promise<NetworkState[]> => {
  const accounts = await deps.accounts.list();
  return Promise.all(
    networks.map(async ({ id, signIn }) => {
      const found = accounts.find((account) => account.provider === id);
      const account = found && {
        label: found.label,
        state: found.state,
        connectedAt: found.connectedAt,
        canRefresh: found.canRefresh,
        ...(found.checkedAt ? { checkedAt: found.checkedAt } : {}),
        ...(found.accessExpiresAt ? { accessExpiresAt: found.accessExpiresAt } : {}),
        ...(found.lastError ? { lastError: found.lastError } : {}),
      };
      return {
        network: id,
        signIn: signIn.kind,
        canConnect: signIn.kind !== 'oauth' || (await deps.hasApp(id)),
        ...(signIn.kind === 'app-password' ? { oauth: await deps.hasApp(id) } : {}),
        ...(account ? { account } : {}),
      };
    }),
  );
};
