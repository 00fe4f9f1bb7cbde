import * as v from 'valibot';
import type { SocialNetwork } from '../../domain/social/networks.ts';
import { type AccessDeps, type AccountProvider, accessToken } from '../../usecases/accounts/access-token.ts';
import { type LiveAccount, liveAccounts, type Unavailable } from '../../usecases/accounts/live-accounts.ts';
import type { UnavailableAccount } from '../../usecases/social/publish-social.ts';
import { SOCIAL_ADAPTERS } from './adapters.ts';
import type { SocialAccounts } from './social-accounts.ts';

/** What the report says of a network that cannot post, in her words (the studio's language is French). */
const WHY: Record<Unavailable, UnavailableAccount> = {
  not_connected: { detail: 'non connecté\u00a0: «\u00a0Connecter\u00a0» dans Réglages' },
  to_reconnect: { detail: 'à reconnecter\u00a0: «\u00a0Reconnecter\u00a0» dans Réglages' },
  busy: { detail: 'jeton en cours de renouvellement', retryAfterMs: 5_000 },
  unavailable: { detail: 'le réseau ne renouvelle pas le jeton pour l’instant', retryAfterMs: 60_000 },
};

/**
 * The publisher's account of one network: its connection's profile, the live token in the network's secret
 * field, and the token's expiry, checked by the network's account schema. Undefined: the profile lacks a field
 * (a connection made before the profile was kept): she must reconnect.
 */
export const publisherAccount = <Id extends SocialNetwork>(
  network: Id,
  live: LiveAccount,
): SocialAccounts[Id] | undefined => {
  const adapter = SOCIAL_ADAPTERS[network];
  // Where the account says no expiry (Mastodon, Bluesky), the publisher has none to check.
  const expiring = 'expiresAt' in ((adapter.accountSchema as { entries?: object }).entries ?? {});
  const parsed = v.safeParse(adapter.accountSchema, {
    ...live.profile,
    [adapter.secretField]: live.accessToken,
    ...(live.expiresAt && expiring ? { expiresAt: live.expiresAt } : {}),
  });
  return parsed.success ? (parsed.output as SocialAccounts[Id]) : undefined;
};

export type ConnectedSocialAccounts = {
  accounts: SocialAccounts;
  unavailable: Partial<Record<SocialNetwork, UnavailableAccount>>;
  /** A token the network refused at post: refreshed now if it can be, else the account turns "à reconnecter". */
  renew?: (network: SocialNetwork, refusedToken: string) => Promise<'retry' | 'to_reconnect'>;
};

/** Each enabled network's account from the connected-account store, a live token in it. */
export const readConnectedSocialAccounts =
  (providers: readonly (AccountProvider & { id: SocialNetwork })[], deps: AccessDeps) =>
  async (): Promise<ConnectedSocialAccounts> => {
    const { live, unavailable } = await liveAccounts(providers, deps);
    const found: ConnectedSocialAccounts = {
      accounts: {},
      unavailable: {},
      renew: async (network, refused) => {
        const provider = providers.find(({ id }) => id === network) ?? { id: network };
        const result = await accessToken(provider, deps, { refused });
        return !result.ok && result.error === 'to_reconnect' ? 'to_reconnect' : 'retry';
      },
    };
    for (const { id } of providers) {
      const reason = unavailable[id];
      const connected = live[id];
      const account = connected && publisherAccount(id, connected);
      if (account) Object.assign(found.accounts, { [id]: account });
      else found.unavailable[id] = WHY[reason ?? 'to_reconnect'];
    }
    return found;
  };
