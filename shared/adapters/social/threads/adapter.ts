import { networkAdapter } from '../network-adapter.ts';
import { type ThreadsAccount, threadsAccountSchema, THREADS_BASE_URL } from './account.ts';
import { threadsIdentity } from './identity.ts';
import { type ThreadsContainers, threadsPublisher } from './publisher.ts';

export const threadsAdapter = networkAdapter<ThreadsAccount, { containers?: ThreadsContainers }>({
  accountSchema: threadsAccountSchema,
  apiOrigin: THREADS_BASE_URL,
  identity: threadsIdentity,
  secretField: 'accessToken',
  publisher: (account, options, extra) => threadsPublisher(account, { ...options, ...extra }),
});
