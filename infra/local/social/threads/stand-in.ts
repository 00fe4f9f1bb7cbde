import type { ThreadsAccount } from '../../../../shared/adapters/social/threads/account.ts';
import type { StandIn } from '../stand-in.ts';
import { startThreadsFake } from './fake.ts';

/** Local credentials: they open nothing but the fake on this machine. */
const USER = '17841400000000001';
const TOKEN = 'local-threads-token';

export const threadsStandIn: StandIn<ThreadsAccount> = async (port) => {
  const fake = await startThreadsFake({ userId: USER, accessToken: TOKEN, port });
  return { fake, account: { baseUrl: fake.url, userId: USER, username: 'dimanche.fm', accessToken: TOKEN } };
};
