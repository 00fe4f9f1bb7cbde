import { guardedFetch } from '../../../../shared/adapters/http/guarded-fetch.ts';
import { StandIns } from '../../../../shared/adapters/http/stand-ins.ts';
import { threadsLongLivedTokens } from '../../../../shared/adapters/oauth/threads-long-lived.ts';
import type { ThreadsAccount } from '../../../../shared/adapters/social/threads/account.ts';
import type { TokenSet } from '../../../../shared/domain/accounts/oauth-provider.ts';
import { type Clock, systemClock } from '../../../../shared/ports/clock.ts';
import { LocalSignInError, signInLocally } from '../../oauth/local-sign-in.ts';
import { connectToFake } from '../connect-to-fake.ts';
import type { StandIn } from '../stand-in.ts';
import { startThreadsFake, type ThreadsFake } from './fake.ts';

/** The Threads user the local account posts as. */
const USER = '17841400000000001';

/** Her "Connecter" on Threads, against the fake: the consent page, then the 60-day token traded for it. */
export const signInToThreads = async (fake: ThreadsFake, clock: Clock): Promise<TokenSet> => {
  const { provider, app } = fake.signIn;
  const short = await signInLocally(provider, app, clock);
  const longLived = threadsLongLivedTokens({
    outbound: guardedFetch({ standIns: new StandIns([fake.url]) }),
    clock,
    graphOrigin: fake.url,
  });
  const answer = await longLived.exchange(provider, short.accessToken);
  if (!answer.ok) throw new LocalSignInError(`threads: ${answer.error} (${answer.detail})`);
  return answer.tokens;
};

/** The fake Threads, and an account connected to it the way she would: a long-lived token it issued. */
export const threadsStandIn: StandIn<ThreadsAccount> = async (port, into) => {
  const clock = into?.clock ?? systemClock;
  const fake = await startThreadsFake({ userId: USER, port, clock });
  const profile = { baseUrl: fake.url, userId: USER, username: 'dimanche.fm' };
  // The fake does not say whether it still honours a long-lived token: a kept connection is made again.
  const tokens = await connectToFake(
    fake,
    'threads',
    into,
    { label: '@dimanche.fm', profile, accepts: () => false },
    async () => ({ tokens: await signInToThreads(fake, clock), canRefresh: true }),
  );
  // No expiresAt: the fake holds the token to its own clock; the connected account holds the expiry.
  return {
    fake,
    account: { ...profile, accessToken: tokens.accessToken },
    // Renewed by th_refresh_token, not a refresh token.
    provider: { ...fake.signIn.provider, longLived: 'threads' },
  };
};
