import type { XAccount } from '../../../../shared/adapters/social/x/account.ts';
import type { StandIn } from '../stand-in.ts';
import { startXFake } from './fake.ts';

/** A local credential: it opens nothing but the fake on this machine. */
const TOKEN = 'local-x-token';

export const xStandIn: StandIn<XAccount> = async (port) => {
  const fake = await startXFake({ accessToken: TOKEN, port });
  return { fake, account: { baseUrl: fake.url, accessToken: TOKEN, username: 'dimanche_fm' } };
};
