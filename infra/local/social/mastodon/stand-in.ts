import { guardedFetch } from '../../../../shared/adapters/http/guarded-fetch.ts';
import { StandIns } from '../../../../shared/adapters/http/stand-ins.ts';
import { mastodonAppRegistrar } from '../../../../shared/adapters/oauth/mastodon-app-registrar.ts';
import { memoryInstanceApps } from '../../../../shared/adapters/oauth/memory-instance-apps.ts';
import type { MastodonAccount } from '../../../../shared/adapters/social/mastodon/account.ts';
import { aesGcmSealer } from '../../../../shared/adapters/crypto/aes-gcm-sealer.ts';
import { oauthProviderFor } from '../../../../shared/domain/accounts/sign-in.ts';
import type { TokenSet } from '../../../../shared/domain/accounts/oauth-provider.ts';
import { mastodon } from '../../../../shared/domain/social/networks/mastodon.ts';
import { type Clock, systemClock } from '../../../../shared/ports/clock.ts';
import type { InstanceAppStore } from '../../../../shared/ports/instance-apps.ts';
import type { TokenSealer } from '../../../../shared/ports/token-sealer.ts';
import { instanceApp } from '../../../../shared/usecases/accounts/instance-app.ts';
import { randomBytes } from 'node:crypto';
import { LocalSignInError, signInLocally } from '../../oauth/local-sign-in.ts';
import { connectToFake } from '../connect-to-fake.ts';
import type { StandIn } from '../stand-in.ts';
import { type MastodonFake, startMastodonFake } from './fake.ts';

const REDIRECT_URI = 'http://127.0.0.1/studio/accounts/callback';

/**
 * Her "Connecter" on Mastodon, against the fake instance: Dimanche's app on that instance (registered the
 * first time, then kept in `apps`), then OAuth on it.
 */
export const signInToMastodon = async (
  fake: MastodonFake,
  clock: Clock,
  /** Where the app is kept, with the key its secret is sealed with. */
  kept: { apps: InstanceAppStore; sealer: TokenSealer } = {
    apps: memoryInstanceApps(),
    sealer: aesGcmSealer(randomBytes(32)),
  },
): Promise<TokenSet> => {
  const { signIn } = mastodon;
  if (signIn.kind !== 'instance-oauth') throw new LocalSignInError('mastodon: not signed in on an instance');
  const app = await instanceApp(
    fake.url,
    { clientName: 'Dimanche', redirectUri: REDIRECT_URI, scopes: signIn.scopes },
    {
      ...kept,
      register: mastodonAppRegistrar(guardedFetch({ standIns: new StandIns([fake.url]) })),
      clock,
    },
  );
  if (!app.ok) throw new LocalSignInError(`mastodon: app registration ${app.error}`);
  const provider = oauthProviderFor('mastodon', signIn, app.app, { instance: fake.url });
  if (!provider) throw new LocalSignInError('mastodon: no provider for the instance');
  return signInLocally(provider, { ...app.app, redirectUris: [REDIRECT_URI] }, clock);
};

/** The fake instance, and an account connected to it the way she would: app registered, then OAuth. */
export const mastodonStandIn: StandIn<MastodonAccount> = async (port, into) => {
  const clock = into?.clock ?? systemClock;
  const fake = await startMastodonFake({ port, clock });
  const profile = { baseUrl: fake.url };
  const tokens = await connectToFake(
    fake,
    'mastodon',
    into,
    { label: '@dimanche', profile, accepts: fake.signIn.accepts },
    async () => ({ tokens: await signInToMastodon(fake, clock), canRefresh: false }),
  );
  // Mastodon's tokens do not expire: nothing refreshes them.
  return { fake, account: { ...profile, accessToken: tokens.accessToken }, provider: { id: 'mastodon' } };
};
