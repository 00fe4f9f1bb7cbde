import type { BlueskyAccount } from '../../../../shared/adapters/social/bluesky/account.ts';
import { oauthProviderFor } from '../../../../shared/domain/accounts/sign-in.ts';
import { systemClock } from '../../../../shared/ports/clock.ts';
import { connectLocally } from '../../oauth/local-sign-in.ts';
import type { StandIn } from '../stand-in.ts';
import { startBlueskyFake } from './fake.ts';
import { localAtprotoKey } from './local-atproto-app.ts';

/** A local credential: it opens nothing but the fake on this machine. */
const APP_PASSWORD = 'loca-lbsk-ypas-swrd';
const HANDLE = 'dimanche.bsky.social';

/** The fake Bluesky, and her handle with an app password made for Dimanche (what she types in Réglages). */
export const blueskyStandIn: StandIn<BlueskyAccount> = async (port, into) => {
  const fake = await startBlueskyFake({ appPassword: APP_PASSWORD, port, clock: into?.clock ?? systemClock });
  const profile = { baseUrl: fake.url, identifier: HANDLE };
  const tokens = await connectLocally(
    'bluesky',
    into,
    { label: `@${HANDLE}`, profile, accepts: (token) => token === APP_PASSWORD },
    async () => ({ tokens: { accessToken: APP_PASSWORD }, canRefresh: false }),
  );
  // The refresh loop renews an account she connects by OAuth from the studio (its client id rides with its
  // refresh token); the app-password connection made here has nothing to refresh.
  const provider = oauthProviderFor(
    'bluesky',
    { kind: 'app-password' },
    { clientId: '', privateJwk: await localAtprotoKey(fake.url) },
    { origin: fake.url },
  );
  return {
    fake,
    account: { ...profile, appPassword: tokens.accessToken },
    provider: provider ?? { id: 'bluesky' },
  };
};
