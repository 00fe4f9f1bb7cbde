import type { SocialNetwork } from '../../domain/social/networks.ts';
import type { ConnectedAccountStore } from '../../ports/connected-account-store.ts';

/** An enabled network that will not post at `sendAt`, and why, in the words the eve reminder gives her. */
export type SilentNetwork = { network: SocialNetwork; why: 'not_connected' | 'to_reconnect' | 'expires' };

/**
 * The day before: each enabled network that will not post on Sunday unless she acts: not connected, to
 * reconnect, or connected with a token that dies before the send and that nothing can refresh.
 */
export const silentNetworks = async (
  networks: readonly SocialNetwork[],
  accounts: Pick<ConnectedAccountStore, 'get'>,
  sendAt: Date,
): Promise<SilentNetwork[]> => {
  const silent: SilentNetwork[] = [];
  for (const network of networks) {
    const account = await accounts.get(network);
    if (!account) silent.push({ network, why: 'not_connected' });
    else if (account.state === 'to_reconnect') silent.push({ network, why: 'to_reconnect' });
    else if (
      !account.canRefresh &&
      account.accessExpiresAt !== undefined &&
      Date.parse(account.accessExpiresAt) <= sendAt.getTime()
    )
      silent.push({ network, why: 'expires' });
  }
  return silent;
};
