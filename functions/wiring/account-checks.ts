import { SOCIAL_ADAPTERS } from '../../shared/adapters/social/adapters.ts';
import { isSocialNetwork } from '../../shared/domain/social/networks.ts';
import { NETWORK_REGISTRY } from '../../shared/domain/social/registry.ts';
import type { OutboundFetch } from '../../shared/ports/outbound-fetch.ts';
import type { AccountProvider } from '../../shared/usecases/accounts/access-token.ts';
import type { KeepAliveChecks } from '../../shared/usecases/accounts/keep-accounts-alive.ts';

/** Each network's check of a token it never expires, from its adapter row (none: nothing to ask). */
export const accountChecks = (outbound: OutboundFetch): KeepAliveChecks => ({
  checkOf: (network) =>
    isSocialNetwork(network) ? SOCIAL_ADAPTERS[network].checkAccess?.(outbound) : undefined,
});

/**
 * The refresh job's providers, and every network with a token check that they leave out (Mastodon, signed in
 * on her own instance, has no provider of the operator's): its account is checked, never refreshed.
 */
export const withCheckedNetworks = (providers: readonly AccountProvider[]): AccountProvider[] => [
  ...providers,
  ...NETWORK_REGISTRY.rows
    .filter(({ id }) => !providers.some((provider) => provider.id === id))
    .filter(({ id }) => isSocialNetwork(id) && SOCIAL_ADAPTERS[id].checkAccess !== undefined)
    .map(({ id }) => ({ id })),
];
