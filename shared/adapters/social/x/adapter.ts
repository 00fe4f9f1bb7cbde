import { networkAdapter } from '../network-adapter.ts';
import { type XAccount, xAccountSchema, X_BASE_URL } from './account.ts';
import { xIdentity } from './identity.ts';
import { xPublisher } from './publisher.ts';

export const xAdapter = networkAdapter<XAccount>({
  accountSchema: xAccountSchema,
  apiOrigin: X_BASE_URL,
  identity: xIdentity,
  secretField: 'accessToken',
  publisher: (account, options) => xPublisher(account, options),
});
