import { networkAdapter } from '../network-adapter.ts';
import { mastodonCheckAccess } from './check-access.ts';
import { type MastodonAccount, mastodonAccountSchema } from './account.ts';
import { mastodonIdentity } from './identity.ts';
import { mastodonPublisher } from './publisher.ts';

export const mastodonAdapter = networkAdapter<MastodonAccount>({
  accountSchema: mastodonAccountSchema,
  identity: mastodonIdentity,
  checkAccess: mastodonCheckAccess,
  secretField: 'accessToken',
  publisher: (account, options) => mastodonPublisher(account, options),
});
