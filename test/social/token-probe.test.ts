import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loopbackOnlyFetch } from '../../infra/local/social/loopback-fetch.ts';
import { type SocialFakes, startSocialFakes } from '../../infra/local/social/start-social-fakes.ts';
import { createPublishers } from '../../shared/adapters/social/create-publishers.ts';
import type { SocialAccounts } from '../../shared/adapters/social/social-accounts.ts';
import { socialTokenProbe } from '../../shared/adapters/social/token-probe.ts';
import { SOCIAL_NETWORKS } from '../../shared/domain/social/networks.ts';
import { systemClock } from '../../shared/ports/clock.ts';

// Issue 23: the doctor's token check is each publisher's own authenticated read, against the fake networks.

let fakes: SocialFakes;
beforeAll(async () => {
  fakes = await startSocialFakes();
});
afterAll(() => fakes.close());

const probe = (accounts: SocialAccounts, networks: readonly string[]) =>
  socialTokenProbe(createPublishers(accounts, { clock: systemClock, fetch: loopbackOnlyFetch }), networks)();

describe('the social token check', () => {
  it('accepts every network whose token the network accepts', async () => {
    expect(await probe(fakes.accounts, SOCIAL_NETWORKS)).toEqual(
      SOCIAL_NETWORKS.map((network) => ({ network, ok: true, detail: '' })),
    );
  });

  it('fails a refused token with what the network said, and an enabled network with no account', async () => {
    const accounts = { mastodon: { ...fakes.accounts.mastodon, accessToken: 'revoked' } };
    expect(await probe(accounts, ['mastodon', 'x'])).toEqual([
      { network: 'mastodon', ok: false, detail: expect.stringMatching(/401|invalid/i) },
      { network: 'x', ok: false, detail: 'no account in the social accounts secret' },
    ]);
  });
});
