import { networkAdapter } from '../network-adapter.ts';
import { facebookCheckAccess } from './check-access.ts';
import { type FacebookAccount, facebookAccountSchema, FACEBOOK_BASE_URL } from './account.ts';
import { facebookIdentity } from './identity.ts';
import { facebookPublisher } from './publisher.ts';

export const facebookAdapter = networkAdapter<FacebookAccount>({
  accountSchema: facebookAccountSchema,
  apiOrigin: FACEBOOK_BASE_URL,
  identity: facebookIdentity,
  checkAccess: facebookCheckAccess,
  secretField: 'pageAccessToken',
  publisher: (account, options) => facebookPublisher(account, options),
});
