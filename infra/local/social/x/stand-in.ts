import type { XAccount } from '../../../../shared/adapters/social/x/account.ts';
import { systemClock } from '../../../../shared/ports/clock.ts';
import { connectLocally, signInLocally } from '../../oauth/local-sign-in.ts';
import type { StandIn } from '../stand-in.ts';
import { startXFake } from './fake.ts';

/** The fake X, and an account connected to it through its consent page: a token it issued, 2 hours long. */
export const xStandIn: StandIn<XAccount> = async (port, into) => {
  const clock = into?.clock ?? systemClock;
  const fake = await startXFake({ port, ...(into ? { clock } : {}) });
  const { signIn } = fake;
  const profile = { baseUrl: fake.url, username: 'dimanche_fm' };
  const tokens = await connectLocally(
    'x',
    into,
    { label: '@dimanche_fm', profile, accepts: signIn.accepts },
    async () => {
      const signedIn = await signInLocally(signIn.provider, signIn.app, clock);
      return { tokens: signedIn, canRefresh: signedIn.refreshToken !== undefined };
    },
  ).catch(async (error: unknown) => {
    await fake.close();
    throw error;
  });
  return {
    fake,
    // No expiresAt: the fake holds the token to its own clock; the connected account holds the expiry.
    account: { ...profile, accessToken: tokens.accessToken },
    provider: signIn.provider,
  };
};
