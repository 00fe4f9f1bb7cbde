import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeControl } from '../../infra/local/social/fake-control.ts';
import { type SocialFakes, startSocialFakes } from '../../infra/local/social/start-social-fakes.ts';
import { createPublishers } from '../../shared/adapters/social/create-publishers.ts';
import { SOCIAL_NETWORKS } from '../../shared/domain/social/networks.ts';
import { composedPost, ISSUE_URL } from './social-fixtures.ts';

let fakes: SocialFakes;
beforeAll(async () => {
  fakes = await startSocialFakes();
});
afterAll(() => fakes.close());

describe('the six fakes with the publishers createPublishers builds for them', () => {
  it('publishes exactly one post on each network, each found again by its URL', async () => {
    const publishers = createPublishers(fakes.accounts, { timeoutMs: 2_000 });
    expect(Object.keys(publishers).sort()).toEqual([...SOCIAL_NETWORKS].sort());
    for (const network of SOCIAL_NETWORKS) {
      const publisher = publishers[network];
      const outcome = await publisher?.publish({
        post: composedPost(network),
        idempotencyKey: `dimanche-iss_34-${network}`,
      });
      expect(outcome?.kind, network).toBe('published');
      expect(await fakeControl(fakes.urls[network]).posts(), network).toHaveLength(1);
      const found = await publisher?.findRecent(ISSUE_URL);
      expect(found, network).toEqual(
        outcome?.kind === 'published' ? { postId: outcome.postId, postUrl: outcome.postUrl } : undefined,
      );
    }
  });

  it('builds publishers only for the accounts it is given, and says which repeat safely', () => {
    const publishers = createPublishers({ mastodon: fakes.accounts.mastodon, x: fakes.accounts.x });
    expect(Object.keys(publishers).sort()).toEqual(['mastodon', 'x']);
    expect(publishers.mastodon?.idempotent).toBe(true);
    expect(publishers.x?.idempotent).toBe(false);
    expect(createPublishers({ bluesky: fakes.accounts.bluesky }).bluesky?.idempotent).toBe(true);
  });

  it('refuses to start on a port that is taken, and leaves nothing running', async () => {
    const port = Number(new URL(fakes.urls.x).port);
    await expect(startSocialFakes({ x: port })).rejects.toThrow('a social fake did not start');
  });
});
