import {
  type CreatePublishersOptions,
  createPublishers,
} from '../../shared/adapters/social/create-publishers.ts';
import type { SocialAccounts } from '../../shared/adapters/social/social-accounts.ts';
import type { Issue } from '../../shared/domain/issue.ts';
import { composeSocialPost } from '../../shared/domain/social/compose-post.ts';
import { socialPostSource } from '../../shared/domain/social/compose-source.ts';
import type { SocialNetwork } from '../../shared/domain/social/networks.ts';
import type { PublishSocialDeps, SocialAccount } from '../../shared/usecases/social/publish-social.ts';
import type { SocialPreviewSettings } from '../../shared/usecases/social/preview-social.ts';
import { credentialsFingerprint } from '../../shared/domain/settings/social-accounts.ts';

/** The worker's view of each configured account: its publisher, a fingerprint of its credentials, its expiry. */
export const socialAccountsFor = (
  accounts: SocialAccounts,
  options: CreatePublishersOptions = {},
): PublishSocialDeps['accounts'] => {
  const publishers = createPublishers(accounts, options);
  const entries = Object.entries(publishers).map(([network, publisher]) => {
    const account = accounts[network as SocialNetwork] ?? {};
    const expiresAt = 'expiresAt' in account ? account.expiresAt : undefined;
    const worker: SocialAccount = {
      publisher,
      fingerprint: credentialsFingerprint(account),
      ...(typeof expiresAt === 'string' ? { expiresAt } : {}),
    };
    return [network, worker];
  });
  return Object.fromEntries(entries);
};

/** The same composition as the preview route shows: what the author previews is what goes out. */
export const socialComposer = (settings: SocialPreviewSettings) => (issue: Issue, network: SocialNetwork) =>
  composeSocialPost(network, socialPostSource(issue, { ...settings, network }), settings.rules);
