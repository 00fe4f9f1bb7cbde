import type { FacebookAccount } from '../../../../shared/adapters/social/facebook/account.ts';
import type { StandIn } from '../stand-in.ts';
import { startFacebookFake } from './fake.ts';

/** Local credentials: they open nothing but the fake on this machine. */
const PAGE = '104857600123456';
const TOKEN = 'local-facebook-page-token';

export const facebookStandIn: StandIn<FacebookAccount> = async (port) => {
  const fake = await startFacebookFake({ pageId: PAGE, pageAccessToken: TOKEN, port });
  return {
    fake,
    account: { baseUrl: fake.url, pageId: PAGE, pageAccessToken: TOKEN, graphVersion: 'v21.0' },
  };
};
