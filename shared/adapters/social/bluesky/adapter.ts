import type { OutboundFetch } from '../../../ports/outbound-fetch.ts';
import { networkAdapter } from '../network-adapter.ts';
import { type BlueskyAccount, blueskyAccountSchema, BLUESKY_BASE_URL } from './account.ts';
import { blueskyPublisher } from './publisher.ts';
import type { BlueskySessionHooks } from './session.ts';

export const blueskyAdapter = networkAdapter<
  BlueskyAccount,
  BlueskySessionHooks & { thumbs?: OutboundFetch }
>({
  accountSchema: blueskyAccountSchema,
  apiOrigin: BLUESKY_BASE_URL,
  secretField: 'appPassword',
  publisher: (account, options, extra) => blueskyPublisher(account, { ...options, ...extra }),
});
