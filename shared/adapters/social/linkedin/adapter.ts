import { networkAdapter } from '../network-adapter.ts';
import { type LinkedInAccount, linkedInAccountSchema, LINKEDIN_BASE_URL } from './account.ts';
import { linkedInIdentity } from './identity.ts';
import { linkedInPublisher } from './publisher.ts';

export const linkedInAdapter = networkAdapter<LinkedInAccount>({
  accountSchema: linkedInAccountSchema,
  apiOrigin: LINKEDIN_BASE_URL,
  identity: linkedInIdentity,
  secretField: 'accessToken',
  publisher: (account, options) => linkedInPublisher(account, options),
});
