import type { SocialNetwork } from '../../../shared/domain/social/networks.ts';
import type { SocialAccounts } from '../../../shared/adapters/social/social-accounts.ts';
import { startBlueskyFake } from './bluesky-fake.ts';
import { startFacebookFake } from './facebook-fake.ts';
import type { FakeNetwork } from './fake-network.ts';
import { startLinkedInFake } from './linkedin-fake.ts';
import { startMastodonFake } from './mastodon-fake.ts';
import { startThreadsFake } from './threads-fake.ts';
import { startXFake } from './x-fake.ts';

export type SocialFakes = {
  urls: Record<SocialNetwork, string>;
  /** Accounts that the fakes accept: what `npm start` and the tests configure. */
  accounts: Required<SocialAccounts>;
  close: () => Promise<void>;
};

/** Local credentials: they open nothing but the fakes on this machine. */
const LOCAL = {
  mastodonToken: 'local-mastodon-token',
  blueskyPassword: 'loca-lbsk-ypas-swrd',
  xToken: 'local-x-token',
  linkedInToken: 'local-linkedin-token',
  linkedInAuthor: 'urn:li:organization:5515715',
  facebookPage: '104857600123456',
  facebookToken: 'local-facebook-page-token',
  threadsUser: '17841400000000001',
  threadsToken: 'local-threads-token',
};

/** One fake per network on 127.0.0.1, on free ports unless given. */
export const startSocialFakes = async (
  ports: Partial<Record<SocialNetwork, number>> = {},
): Promise<SocialFakes> => {
  const started = await Promise.allSettled([
    startMastodonFake({ accessToken: LOCAL.mastodonToken, port: ports.mastodon ?? 0 }),
    startBlueskyFake({ appPassword: LOCAL.blueskyPassword, port: ports.bluesky ?? 0 }),
    startXFake({ accessToken: LOCAL.xToken, port: ports.x ?? 0 }),
    startLinkedInFake({
      accessToken: LOCAL.linkedInToken,
      author: LOCAL.linkedInAuthor,
      port: ports.linkedin ?? 0,
    }),
    startFacebookFake({
      pageId: LOCAL.facebookPage,
      pageAccessToken: LOCAL.facebookToken,
      port: ports.facebook ?? 0,
    }),
    startThreadsFake({
      userId: LOCAL.threadsUser,
      accessToken: LOCAL.threadsToken,
      port: ports.threads ?? 0,
    }),
  ]);
  const running = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const close = async () => void (await Promise.all(running.map((fake) => fake.close())));
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await close();
    throw new Error('a social fake did not start', { cause: failed.reason });
  }
  const [mastodon, bluesky, x, linkedin, facebook, threads] = running as [
    FakeNetwork,
    FakeNetwork,
    FakeNetwork,
    FakeNetwork,
    FakeNetwork,
    FakeNetwork,
  ];
  return {
    urls: {
      mastodon: mastodon.url,
      bluesky: bluesky.url,
      x: x.url,
      linkedin: linkedin.url,
      facebook: facebook.url,
      threads: threads.url,
    },
    accounts: {
      mastodon: { baseUrl: mastodon.url, accessToken: LOCAL.mastodonToken },
      bluesky: {
        baseUrl: bluesky.url,
        identifier: 'dimanche.bsky.social',
        appPassword: LOCAL.blueskyPassword,
      },
      x: { baseUrl: x.url, accessToken: LOCAL.xToken, username: 'dimanche_fm' },
      linkedin: {
        baseUrl: linkedin.url,
        accessToken: LOCAL.linkedInToken,
        author: LOCAL.linkedInAuthor,
        version: '202611',
      },
      facebook: {
        baseUrl: facebook.url,
        pageId: LOCAL.facebookPage,
        pageAccessToken: LOCAL.facebookToken,
        graphVersion: 'v21.0',
      },
      threads: {
        baseUrl: threads.url,
        userId: LOCAL.threadsUser,
        username: 'dimanche.fm',
        accessToken: LOCAL.threadsToken,
      },
    },
    close,
  };
};
