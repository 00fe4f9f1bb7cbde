import type { BlueskyAccount } from '../../../../shared/adapters/social/bluesky/account.ts';
import type { StandIn } from '../stand-in.ts';
import { startBlueskyFake } from './fake.ts';

/** A local credential: it opens nothing but the fake on this machine. */
const APP_PASSWORD = 'loca-lbsk-ypas-swrd';

export const blueskyStandIn: StandIn<BlueskyAccount> = async (port) => {
  const fake = await startBlueskyFake({ appPassword: APP_PASSWORD, port });
  return {
    fake,
    account: { baseUrl: fake.url, identifier: 'dimanche.bsky.social', appPassword: APP_PASSWORD },
  };
};
