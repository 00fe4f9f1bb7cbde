import type { XAccount } from '../../../../shared/adapters/social/x/account.ts';
import { systemClock } from '../../../../shared/ports/clock.ts';
import { connectToFake, throughConsent } from '../connect-to-fake.ts';
import type { StandIn } from '../stand-in.ts';
import { startXFake } from './fake.ts';

/** The fake X, and an account connected to it through its consent page: a token it issued, 2 hours long. */
export const xStandIn: StandIn<XAccount> = async (port, into) => {
  const clock = into?.clock ?? systemClock;
  const fake = await startXFake({ port, ...(into ? { clock } : {}) });
  const { signIn } = fake;
  const profile = { baseUrl: fake.url, username: 'dimanche_fm' };
  const tokens = await connectToFake(
    fake,
    'x',
    into,
    { label: '@dimanche_fm', profile, accepts: signIn.accepts },
    throughConsent(signIn, clock),
  );
  return {
    fake,
    // No expiresAt: the fake holds the token to its own clock; the connected account holds the expiry.
    account: { ...profile, accessToken: tokens.accessToken },
    provider: signIn.provider,
  };
};
