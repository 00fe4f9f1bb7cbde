import { credentialsFingerprint } from '../../domain/settings/social-accounts.ts';
import type { SocialNetwork } from '../../domain/social/networks.ts';
import type { PublishSocialDeps, SocialAccount } from '../../usecases/social/publish-social.ts';
import { SOCIAL_ADAPTERS } from './adapters.ts';
import { type CreatePublishersOptions, createPublishers } from './create-publishers.ts';
import type { ConnectedSocialAccounts } from './connected-social-accounts.ts';
import type { SocialAccounts } from './social-accounts.ts';

/** The worker's view of each configured account: its publisher, a fingerprint of its credentials, its expiry. */
export const socialAccountsFor = (
  accounts: SocialAccounts,
  options: CreatePublishersOptions = {},
  renew?: ConnectedSocialAccounts['renew'],
): PublishSocialDeps['accounts'] => {
  const publishers = createPublishers(accounts, options);
  const entries = Object.entries(publishers).map(([network, publisher]) => {
    const account = accounts[network as SocialNetwork] ?? {};
    const expiresAt = 'expiresAt' in account ? account.expiresAt : undefined;
    const token = (account as Record<string, unknown>)[SOCIAL_ADAPTERS[network as SocialNetwork].secretField];
    const worker: SocialAccount = {
      publisher,
      fingerprint: credentialsFingerprint(account),
      ...(typeof expiresAt === 'string' ? { expiresAt } : {}),
      ...(renew && typeof token === 'string' ? { renew: () => renew(network as SocialNetwork, token) } : {}),
    };
    return [network, worker];
  });
  return Object.fromEntries(entries);
};

/**
 * The accounts as `read` finds them now (the connected-account store, a live token in each); publishers keep
 * sessions (Bluesky's) between calls, so the table is rebuilt only when an account changes (a refreshed token,
 * a reconnect). What the worker takes: the publishers, and why the others cannot post.
 */
export const currentSocialAccounts = (
  read: () => Promise<ConnectedSocialAccounts>,
  options: CreatePublishersOptions = {},
) => {
  let built: { raw: string; accounts: PublishSocialDeps['accounts'] } | undefined;
  return async (): Promise<Required<Pick<PublishSocialDeps, 'accounts' | 'unavailable'>>> => {
    const { accounts, unavailable, renew } = await read();
    const raw = JSON.stringify(accounts);
    if (built?.raw !== raw) built = { raw, accounts: socialAccountsFor(accounts, options, renew) };
    return { accounts: built.accounts, unavailable };
  };
};
