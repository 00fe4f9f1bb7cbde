import { beforeEach, describe, expect, it } from 'vitest';
import { dynamoCampaignStore } from '../../shared/adapters/dynamodb/campaign-store.ts';
import { dynamoClickStore } from '../../shared/adapters/dynamodb/click-store.ts';
import { clickLink } from '../../shared/domain/music/click-link.ts';
import type { LinkVariant } from '../../shared/domain/platforms.ts';
import type { ClickStore } from '../../shared/ports/click-store.ts';
import { examplePostBody } from '../builders/issue.ts';
import { signedPost } from '../support/signed-request.ts';
import { admin, testApp } from '../support/test-app.ts';

let t: Awaited<ReturnType<typeof testApp>>;
let clicks: ClickStore;
beforeEach(async () => {
  t = await testApp();
  expect((await t.app.request('/webhooks/posts', signedPost(examplePostBody()))).status).toBe(201);
  await dynamoCampaignStore(t.doc, t.tableName).create({
    id: 'cmp_34',
    issueId: 'iss_34',
    revision: 1,
    status: 'sending',
    startedAt: '2026-11-29T08:00:00.000Z',
    batches: 1,
    audience: 3,
    dispatched: true,
  });
  clicks = dynamoClickStore(t.doc, t.tableName);
});

const clicked = async (position: number, platform: LinkVariant, times: number) => {
  const link = clickLink({
    issueId: 'iss_34',
    position,
    platform,
    target: `https://example.com/${position}`,
  });
  await clicks.register([link]);
  for (let i = 0; i < times; i += 1) await clicks.count(link);
};

const campaignJson = async () => {
  const response = await t.app.request('/admin/campaigns/cmp_34', admin);
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
};

describe('GET /admin/campaigns/:id', () => {
  it("shows each track's clicks per platform, named, and the most-played pick", async () => {
    await clicked(15, 'deezer', 2);
    await clicked(2, 'spotify', 1);
    await clicked(15, 'universal', 1);
    const campaign = await campaignJson();
    expect(campaign.clicks).toEqual([
      { position: 2, artist: 'Air', title: 'La femme d’argent', platform: 'spotify', clicks: 1 },
      { position: 15, artist: 'Serge Gainsbourg', title: 'La Javanaise', platform: 'universal', clicks: 1 },
      { position: 15, artist: 'Serge Gainsbourg', title: 'La Javanaise', platform: 'deezer', clicks: 2 },
    ]);
    expect(campaign.mostPlayed).toEqual({
      position: 15,
      artist: 'Serge Gainsbourg',
      title: 'La Javanaise',
      clicks: 3,
      platforms: [
        { platform: 'deezer', clicks: 2 },
        { platform: 'universal', clicks: 1 },
      ],
    });
  });

  it('shows no clicks and no pick before the first click', async () => {
    const campaign = await campaignJson();
    expect(campaign.clicks).toEqual([]);
    expect(campaign.mostPlayed).toBeNull();
  });

  it('shows counts of a position the issue no longer has, unnamed, and leaves them out of the pick', async () => {
    await clicked(99, 'tidal', 4);
    await clicked(1, 'tidal', 1);
    const campaign = await campaignJson();
    expect(campaign.clicks).toEqual([
      { position: 1, artist: 'Françoise Hardy', title: 'Le temps de l’amour', platform: 'tidal', clicks: 1 },
      { position: 99, platform: 'tidal', clicks: 4 },
    ]);
    expect(campaign.mostPlayed).toMatchObject({ position: 1, clicks: 1 });
  });
});
