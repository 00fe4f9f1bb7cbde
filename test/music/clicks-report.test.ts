import { beforeEach, describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { dynamoClickStore } from '../../shared/adapters/dynamodb/click-store.ts';
import { memoryCampaignStore } from '../../shared/adapters/memory/campaign-store.ts';
import { memoryClickStore } from '../../shared/adapters/memory/click-store.ts';
import { memoryIssueStore } from '../../shared/adapters/memory/issue-store.ts';
import { memorySocialStore } from '../../shared/adapters/memory/social-store.ts';
import { campaignIdFor } from '../../shared/domain/campaign.ts';
import { type ClickLink, clickLink } from '../../shared/domain/music/click-link.ts';
import type { LinkVariant } from '../../shared/domain/platforms.ts';
import type { ClickStore } from '../../shared/ports/click-store.ts';
import { type FinishDeps, finishIfDone } from '../../shared/usecases/campaign/finish-campaign.ts';
import { anIssue } from '../builders/issue.ts';
import { recordAuthorMails } from '../support/author-mails.ts';
import { deliverySetup, storedMailTo, waitFor } from '../support/delivery-setup.ts';
import { movableClock } from '../support/test-app.ts';

const CAMPAIGN = campaignIdFor('iss_34');

const linkTo = (position: number, platform: LinkVariant) =>
  clickLink({ issueId: 'iss_34', position, platform, target: `https://example.com/${position}/${platform}` });

const clickedTimes = async (store: ClickStore, link: ClickLink, times: number) => {
  await store.register([link]);
  for (let i = 0; i < times; i += 1) await store.count(link);
};

/** Issue #34 sending, its campaign with every batch done (none), on the in-memory stores. */
const finishedCampaign = async () => {
  const issues = memoryIssueStore();
  await issues.saveRevision(anIssue({ status: 'sending' }), undefined);
  const campaigns = memoryCampaignStore();
  await campaigns.create({
    id: CAMPAIGN,
    issueId: 'iss_34',
    revision: 1,
    status: 'sending',
    startedAt: '2026-11-29T08:00:00.000Z',
    batches: 0,
    audience: 0,
    dispatched: true,
  });
  const { mails: notices, author } = recordAuthorMails();
  const clicks = memoryClickStore();
  const deps: FinishDeps = {
    campaigns,
    issues,
    author,
    clock: movableClock('2026-11-29T09:00:00Z'),
    logger: createJsonLogger({ service: 'test', level: 'silent' }),
    social: memorySocialStore(),
    networks: [],
    socialWaitMs: 0,
    clicks,
  };
  return { deps, clicks, campaigns, notices };
};

describe('the campaign report', () => {
  let t: Awaited<ReturnType<typeof finishedCampaign>>;
  beforeEach(async () => {
    t = await finishedCampaign();
  });

  it('names the most-played pick with its clicks per platform', async () => {
    await clickedTimes(t.clicks, linkTo(13, 'spotify'), 3);
    await clickedTimes(t.clicks, linkTo(13, 'universal'), 2);
    await clickedTimes(t.clicks, linkTo(15, 'deezer'), 4);
    expect(await finishIfDone(CAMPAIGN, t.deps)).toBe('reported');
    expect(t.notices).toHaveLength(1);
    expect(t.notices[0]?.text.split('\n')).toContain(
      'La plus écoutée pour l’instant\u00a0: Piste 13 (Stromae – Papaoutai), 5 clics (Spotify 3, song.link 2).',
    );
  });

  it('adds the previous issue’s pick after its week, when that issue went out', async () => {
    const issues = t.deps.issues;
    await issues.saveRevision(anIssue({ series: 33, sunday: '2026-11-22', status: 'sent' }), undefined);
    const last = clickLink({
      issueId: 'iss_33',
      position: 2,
      platform: 'deezer',
      target: 'https://example.com/33',
    });
    await clickedTimes(t.clicks, last, 7);
    expect(await finishIfDone(CAMPAIGN, t.deps)).toBe('reported');
    const lines = t.notices[0]?.text.split('\n') ?? [];
    expect(lines).toContain('Pas encore d’écoute\u00a0: les premiers clics arrivent dans l’heure.');
    expect(lines).toContain(
      'Sur le #33, après sa semaine\u00a0: Piste 2 (Air – La femme d’argent), 7 clics (Deezer 7).',
    );
  });

  it('leaves the previous issue out when it never went out', async () => {
    await t.deps.issues.saveRevision(
      anIssue({ series: 33, sunday: '2026-11-22', status: 'rendered' }),
      undefined,
    );
    const last = clickLink({
      issueId: 'iss_33',
      position: 2,
      platform: 'deezer',
      target: 'https://example.com/33',
    });
    await clickedTimes(t.clicks, last, 1);
    expect(await finishIfDone(CAMPAIGN, t.deps)).toBe('reported');
    expect(t.notices[0]?.text).toContain('Pas encore d’écoute');
    expect(t.notices[0]?.text).not.toContain('Sur le #33');
  });

  it('says so when nobody has clicked yet', async () => {
    await t.clicks.register([linkTo(1, 'spotify')]);
    expect(await finishIfDone(CAMPAIGN, t.deps)).toBe('reported');
    expect(t.notices[0]?.text.split('\n')).toContain(
      'Pas encore d’écoute\u00a0: les premiers clics arrivent dans l’heure.',
    );
  });

  it('is not lost when the counts cannot be read: released, and sent by the next call', async () => {
    await clickedTimes(t.clicks, linkTo(1, 'deezer'), 1);
    const unreadable = { countsFor: async () => Promise.reject(new Error('throttled')) };
    await expect(finishIfDone(CAMPAIGN, { ...t.deps, clicks: unreadable })).rejects.toThrow('throttled');
    expect(t.notices).toEqual([]);
    expect((await t.campaigns.get(CAMPAIGN))?.reportedAt).toBeUndefined();
    expect(await finishIfDone(CAMPAIGN, t.deps)).toBe('reported');
    expect(t.notices[0]?.text).toContain(
      'La plus écoutée pour l’instant\u00a0: Piste 1 (Françoise Hardy – Le temps de l’amour), 1 clic (Deezer 1).',
    );
  });
});

describe('a Sunday run', () => {
  it("reports the pick from the clicks on the same table, through the local delivery's wiring", async () => {
    const t = await deliverySetup();
    await t.addSubscribers(3, 'confirmed');
    await clickedTimes(dynamoClickStore(t.doc, t.tableName), linkTo(7, 'apple-music'), 2);
    await t.dispatch();
    const workers = t.startWorkers();
    await waitFor(async () => (await t.campaigns.get(CAMPAIGN))?.reportedAt !== undefined);
    await workers.stop();
    const report = (await storedMailTo(t.domain)).filter((m) => m.subject.startsWith('[Dimanche]'));
    expect(report).toHaveLength(1);
    expect(report[0]?.body.text).toContain(
      'La plus écoutée pour l’instant\u00a0: Piste 7 (Juliette Armanet – Le dernier jour du disco), 2 clics (Apple Music 2).',
    );
  }, 60_000);
});
