import type { LinkedInAccount } from '../../../../shared/adapters/social/linkedin/account.ts';
import { systemClock } from '../../../../shared/ports/clock.ts';
import { connectToFake, throughConsent } from '../connect-to-fake.ts';
import type { StandIn } from '../stand-in.ts';
import { startLinkedInFake } from './fake.ts';

/** The Page the local account posts as. */
const AUTHOR = 'urn:li:organization:5515715';

/** The fake LinkedIn, and an account connected to it through its consent page: a 60-day member token. */
export const linkedInStandIn: StandIn<LinkedInAccount> = async (port, into) => {
  const clock = into?.clock ?? systemClock;
  const fake = await startLinkedInFake({ author: AUTHOR, port, ...(into ? { clock } : {}) });
  const { signIn } = fake;
  const profile = { baseUrl: fake.url, author: AUTHOR, version: '202611' };
  const tokens = await connectToFake(
    fake,
    'linkedin',
    into,
    { label: 'Dimanche (page)', profile, accepts: signIn.accepts },
    throughConsent(signIn, clock),
  );
  // No expiresAt: the fake holds the token to its own clock; the connected account holds the expiry.
  return { fake, account: { ...profile, accessToken: tokens.accessToken }, provider: signIn.provider };
};
