import type { MastodonAccount } from '../../../../shared/adapters/social/mastodon/account.ts';
import type { StandIn } from '../stand-in.ts';
import { startMastodonFake } from './fake.ts';

/** A local credential: it opens nothing but the fake on this machine. */
const TOKEN = 'local-mastodon-token';

export const mastodonStandIn: StandIn<MastodonAccount> = async (port) => {
  const fake = await startMastodonFake({ accessToken: TOKEN, port });
  return { fake, account: { baseUrl: fake.url, accessToken: TOKEN } };
};
