import { networkAdapter } from '../network-adapter.ts';
import { type LinkedInAccount, linkedInAccountSchema } from './account.ts';
import { linkedInPublisher } from './publisher.ts';

export const linkedInAdapter = networkAdapter<LinkedInAccount>({
  accountSchema: linkedInAccountSchema,
  secretField: 'accessToken',
  publisher: (account, options) => linkedInPublisher(account, options),
});
