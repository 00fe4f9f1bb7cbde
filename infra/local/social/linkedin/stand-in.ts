import type { LinkedInAccount } from '../../../../shared/adapters/social/linkedin/account.ts';
import { systemClock } from '../../../../shared/ports/clock.ts';
import { signInLocally } from '../../oauth/local-sign-in.ts';
import type { StandIn } from '../stand-in.ts';
import { startLinkedInFake } from './fake.ts';

/** The Page the local account posts as. */
const AUTHOR = 'urn:li:organization:5515715';

/** The fake LinkedIn, and an account connected to it through its consent page: a 60-day member token. */
export const linkedInStandIn: StandIn<LinkedInAccount> = async (port) => {
  const fake = await startLinkedInFake({ author: AUTHOR, port });
  const { signIn } = fake;
  const tokens = await signInLocally(signIn.provider, signIn.app, systemClock).catch(
    async (error: unknown) => {
      await fake.close();
      throw error;
    },
  );
  // No expiresAt: the fake holds the token to the machine's time, which the tests' movable clocks are not.
  return {
    fake,
    account: { baseUrl: fake.url, accessToken: tokens.accessToken, author: AUTHOR, version: '202611' },
  };
};
