import { networkAdapter } from '../network-adapter.ts';
import { type FacebookAccount, facebookAccountSchema } from './account.ts';
import { facebookPublisher } from './publisher.ts';

export const facebookAdapter = networkAdapter<FacebookAccount>({
  accountSchema: facebookAccountSchema,
  secretField: 'pageAccessToken',
  publisher: (account, options) => facebookPublisher(account, options),
});
