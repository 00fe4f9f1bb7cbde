import type { LinkedInAccount } from '../../../../shared/adapters/social/linkedin/account.ts';
import type { StandIn } from '../stand-in.ts';
import { startLinkedInFake } from './fake.ts';

/** Local credentials: they open nothing but the fake on this machine. */
const TOKEN = 'local-linkedin-token';
const AUTHOR = 'urn:li:organization:5515715';

export const linkedInStandIn: StandIn<LinkedInAccount> = async (port) => {
  const fake = await startLinkedInFake({ accessToken: TOKEN, author: AUTHOR, port });
  return { fake, account: { baseUrl: fake.url, accessToken: TOKEN, author: AUTHOR, version: '202611' } };
};
