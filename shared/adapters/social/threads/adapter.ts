import { networkAdapter } from '../network-adapter.ts';
import { type ThreadsAccount, threadsAccountSchema } from './account.ts';
import { type ThreadsContainers, threadsPublisher } from './publisher.ts';

export const threadsAdapter = networkAdapter<ThreadsAccount, { containers?: ThreadsContainers }>({
  accountSchema: threadsAccountSchema,
  secretField: 'accessToken',
  publisher: (account, options, extra) => threadsPublisher(account, { ...options, ...extra }),
});
