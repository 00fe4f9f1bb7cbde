import type { FacebookAccount } from '../../../../shared/adapters/social/facebook/account.ts';
import { type Clock, systemClock } from '../../../../shared/ports/clock.ts';
import { LocalSignInError, signInLocally } from '../../oauth/local-sign-in.ts';
import { connectToFake } from '../connect-to-fake.ts';
import type { StandIn } from '../stand-in.ts';
import { type FacebookFake, startFacebookFake } from './fake.ts';

/** The Page the local account posts on. */
const PAGE = '104857600123456';
const GRAPH_VERSION = 'v21.0';

/** Her "Connecter" on Facebook, against the fake: Facebook Login, then the Page she manages and its token. */
export const signInToFacebook = async (fake: FacebookFake, clock: Clock, pageId = PAGE): Promise<string> => {
  const user = await signInLocally(fake.signIn.provider, fake.signIn.app, clock);
  const answer = await fetch(`${fake.url}/${GRAPH_VERSION}/me/accounts`, {
    headers: { authorization: `Bearer ${user.accessToken}` },
  });
  const pages = ((await answer.json()) as { data?: Array<{ id: string; access_token: string }> }).data ?? [];
  const page = pages.find((candidate) => candidate.id === pageId);
  if (!page) throw new LocalSignInError(`facebook: page ${pageId} not among hers (HTTP ${answer.status})`);
  return page.access_token;
};

/** The fake Facebook, and a Page connected to it the way she would: a Page token it issued. */
export const facebookStandIn: StandIn<FacebookAccount> = async (port, into) => {
  const clock = into?.clock ?? systemClock;
  const fake = await startFacebookFake({ pageId: PAGE, port, clock });
  const profile = { baseUrl: fake.url, pageId: PAGE, graphVersion: GRAPH_VERSION };
  // A Page token lasts until her password changes or she loses the role: nothing refreshes it.
  const tokens = await connectToFake(
    fake,
    'facebook',
    into,
    { label: 'Dimanche (Page)', profile, accepts: () => false },
    async () => ({ tokens: { accessToken: await signInToFacebook(fake, clock) }, canRefresh: false }),
  );
  return {
    fake,
    account: { ...profile, pageAccessToken: tokens.accessToken },
    provider: { id: 'facebook' },
  };
};
