import { Cron } from 'croner';
import { describe, expect, it } from 'vitest';
import { campaignIdFor } from '../../shared/domain/campaign.ts';
import { isPastDeadline, sundayOf } from '../../shared/domain/sunday-window.ts';
import { deliverySetup, storedMailTo } from '../support/delivery-setup.ts';

const PARIS = { timeZone: 'Europe/Paris', deadline: '14:00' };

describe('the send window', () => {
  it('is the Sunday in Paris until 14:00 local time', () => {
    expect(sundayOf(new Date('2026-11-29T08:00:00Z'), 'Europe/Paris')).toBe('2026-11-29');
    expect(sundayOf(new Date('2026-11-30T08:00:00Z'), 'Europe/Paris')).toBe('2026-11-29');
    expect(isPastDeadline(new Date('2026-11-29T12:59:00Z'), '2026-11-29', PARIS)).toBe(false); // 13:59 CET
    expect(isPastDeadline(new Date('2026-11-29T13:00:00Z'), '2026-11-29', PARIS)).toBe(true); // 14:00 CET
    expect(isPastDeadline(new Date('2027-06-27T11:59:00Z'), '2027-06-27', PARIS)).toBe(false); // 13:59 CEST
    expect(isPastDeadline(new Date('2027-06-27T12:00:00Z'), '2027-06-27', PARIS)).toBe(true);
  });

  it('fires on Sunday at 09:00 Paris time across both daylight-saving changes', () => {
    const runs = new Cron('0 9 * * 0', { timezone: 'Europe/Paris' }).nextRuns(
      4,
      new Date('2027-03-14T00:00:00Z'),
    );
    expect(runs.map((d) => d?.toISOString())).toEqual([
      '2027-03-14T08:00:00.000Z',
      '2027-03-21T08:00:00.000Z',
      '2027-03-28T07:00:00.000Z', // summer time starts that night: 09:00 CEST
      '2027-04-04T07:00:00.000Z',
    ]);
    const autumn = new Cron('0 9 * * 0', { timezone: 'Europe/Paris' }).nextRuns(
      3,
      new Date('2026-10-18T00:00:00Z'),
    );
    expect(autumn.map((d) => d?.toISOString())).toEqual([
      '2026-10-18T07:00:00.000Z',
      '2026-10-25T08:00:00.000Z', // back to 09:00 CET
      '2026-11-01T08:00:00.000Z',
    ]);
  });
});

describe('a Sunday trigger', () => {
  it.each([
    ['at 15:00 on the Sunday', '2026-11-29T14:00:00Z'],
    ['on the Monday', '2026-11-30T08:00:00Z'],
  ])('sends nothing %s, and tells the author why', async (_when, at) => {
    const t = await deliverySetup();
    await t.addSubscribers(3, 'confirmed');
    t.clock.set(at);
    expect(await t.dispatch()).toMatchObject({ kind: 'too_late', sunday: '2026-11-29', issueId: 'iss_34' });
    expect(await t.campaigns.get(campaignIdFor('iss_34'))).toBeUndefined();
    const mails = await storedMailTo(t.domain);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe(
      '[Dimanche] Non envoyé\u00a0: #34 — Chambre en Provence, trop tard ce dimanche',
    );
    expect(mails[0]?.body.text).toMatch(/l’envoi n’a pu démarrer qu’après 14\s?h/u);
    expect(mails[0]?.body.html).toContain('/studio/issues/34');
    expect(mails[0]?.destination.to[0]).toContain(`autrice@${t.domain}`);
  });

  it('does nothing on a Sunday with no issue', async () => {
    const t = await deliverySetup();
    t.clock.set('2026-12-06T08:00:00Z');
    expect(await t.dispatch()).toEqual({ kind: 'no_issue', sunday: '2026-12-06' });
    expect(await storedMailTo(t.domain)).toEqual([]);
  });

  it('reports the audience on a dry run without starting anything', async () => {
    const t = await deliverySetup();
    await t.addSubscribers(4, 'confirmed');
    await t.addSubscribers(2, 'confirmed', { preferences: { paused: true } });
    expect(await t.dispatch({ dryRun: true })).toMatchObject({ kind: 'dry_run', audience: 4 });
    expect(await t.campaigns.get(campaignIdFor('iss_34'))).toBeUndefined();
    expect(t.queue.size()).toBe(0);
  });

  it('makes one campaign when fired twice, even at the same moment', async () => {
    const t = await deliverySetup();
    await t.addSubscribers(120, 'confirmed');
    const results = await Promise.all([t.dispatch(), t.dispatch()]);
    expect(results.map((r) => r.kind).sort()).toEqual(['already_started', 'dispatched']);
    expect(t.queue.size()).toBe(3);
    expect((await t.campaigns.get(campaignIdFor('iss_34')))?.audience).toBe(120);
  });

  it('finishes a dispatch that stopped half-way from its checkpoint, queueing nobody twice', async () => {
    const t = await deliverySetup();
    await t.addSubscribers(160, 'confirmed');
    const campaigns = t.campaigns;
    let checkpoints = 0;
    const checkpoint = campaigns.checkpoint;
    const crashing = {
      checkpoint: async (...args: Parameters<typeof checkpoint>) => {
        checkpoints += 1;
        if (checkpoints === 3) throw new Error('dispatch killed');
        return checkpoint(...args);
      },
    };
    Object.assign(t.campaigns, crashing);
    await expect(t.dispatch()).rejects.toThrow('dispatch killed');
    Object.assign(t.campaigns, { checkpoint });
    // The dead dispatch's lease must run out before another may take over.
    t.clock.set('2026-11-29T08:01:01Z');
    expect(await t.dispatch()).toMatchObject({ kind: 'dispatched', campaign: { audience: 160, batches: 4 } });
    const batches = await Promise.all(
      [1, 2, 3, 4].map((n) => t.campaigns.getBatch(campaignIdFor('iss_34'), n)),
    );
    const everyone = batches.flatMap((b) => b?.recipients ?? []);
    expect(everyone).toHaveLength(160);
    expect(new Set(everyone).size).toBe(160);
  });
});

describe('a dispatch asked for by a person', () => {
  it('sends the coming Sunday issue on a weekday, which the schedule would not', async () => {
    const t = await deliverySetup();
    await t.addSubscribers(2, 'confirmed');
    t.clock.set('2026-11-24T10:00:00Z');
    expect(await t.dispatch()).toEqual({ kind: 'no_issue', sunday: '2026-11-22' });
    expect(await t.dispatch({ manual: true })).toMatchObject({
      kind: 'dispatched',
      campaign: { audience: 2 },
    });
  });
});

describe('the social announcements', () => {
  it('are queued once per configured network when the dispatch finishes', async () => {
    const t = await deliverySetup({ env: { SOCIAL_NETWORKS: 'mastodon, Bluesky,x' } });
    await t.addSubscribers(2, 'confirmed');
    await t.dispatch();
    await t.dispatch();
    expect(t.socialQueue.receive(10).map((m) => m.body)).toEqual([
      { issueId: 'iss_34', network: 'mastodon' },
      { issueId: 'iss_34', network: 'bluesky' },
      { issueId: 'iss_34', network: 'x' },
    ]);
  });

  it('refuse a network we do not know, naming the setting', async () => {
    await expect(deliverySetup({ env: { SOCIAL_NETWORKS: 'myspace' } })).rejects.toThrow(
      /SOCIAL_NETWORKS may only name/,
    );
  });
});
