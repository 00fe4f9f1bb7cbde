import type { XAccount } from '../../../../shared/adapters/social/x/account.ts';
import { systemClock } from '../../../../shared/ports/clock.ts';
import { signInLocally } from '../../oauth/local-sign-in.ts';
import type { StandIn } from '../stand-in.ts';
import { startXFake } from './fake.ts';

/** The fake X, and an account connected to it through its consent page: a token it issued, 2 hours long. */
export const xStandIn: StandIn<XAccount> = async (port) => {
  const fake = await startXFake({ port });
  const { signIn } = fake;
  const tokens = await signInLocally(signIn.provider, signIn.app, systemClock).catch(
    async (error: unknown) => {
      await fake.close();
      throw error;
    },
  );
  return {
    fake,
    account: {
      baseUrl: fake.url,
      accessToken: tokens.accessToken,
      // No expiresAt: the fake holds the token to the machine's time, which the tests' movable clocks are not.
      username: 'dimanche_fm',
    },
  };
};
