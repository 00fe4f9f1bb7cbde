import { networkAdapter } from '../network-adapter.ts';
import { type XAccount, xAccountSchema } from './account.ts';
import { xPublisher } from './publisher.ts';

export const xAdapter = networkAdapter<XAccount>({
  accountSchema: xAccountSchema,
  secretField: 'accessToken',
  publisher: (account, options) => xPublisher(account, options),
});
