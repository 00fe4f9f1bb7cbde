import type { TokenSet } from '../../../shared/domain/accounts/oauth-provider.ts';
import type { Clock } from '../../../shared/ports/clock.ts';
import {
  connectLocally,
  type LocalConnection,
  signInLocally,
  type StandInConnection,
} from '../oauth/local-sign-in.ts';
import type { NetworkSignIn } from '../oauth/network-sign-in.ts';
import type { FakeNetwork } from './fake-network.ts';

type SignIn = () => Promise<{ tokens: TokenSet; canRefresh: boolean }>;

/**
 * A stand-in's account on its fake, as connectLocally keeps it (in the runtime's store when there is one). A
 * stand-in that cannot connect closes its fake first: its port is not left taken by a network nobody uses.
 *
 * @example
 * const tokens = await connectToFake(fake, 'x', into, { label, profile, accepts }, throughConsent(fake.signIn, clock));
 */
export const connectToFake = async (
  fake: Pick<FakeNetwork, 'close'>,
  network: string,
  into: LocalConnection | undefined,
  standIn: StandInConnection,
  signIn: SignIn,
): Promise<TokenSet> => {
  try {
    return await connectLocally(network, into, standIn, signIn);
  } catch (error) {
    await fake.close();
    throw error;
  }
};

/** Her consent on the fake's own page, as on the network's: refreshable when the fake gave a refresh token. */
export const throughConsent =
  (signIn: Pick<NetworkSignIn, 'provider' | 'app'>, clock: Clock): SignIn =>
  async () => {
    const tokens = await signInLocally(signIn.provider, signIn.app, clock);
    return { tokens, canRefresh: tokens.refreshToken !== undefined };
  };
