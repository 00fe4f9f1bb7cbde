import { inject } from 'vitest';
import { describe, expect, it } from 'vitest';
import { campaignIdFor } from '../../shared/domain/campaign.ts';
import { deliverySetup, waitFor } from '../support/delivery-setup.ts';
import { busiestWindow, sesFaultProxy } from '../support/ses-fault-proxy.ts';

const CAMPAIGN = campaignIdFor('iss_34');

/** A deterministic pseudo-random sequence (mulberry32), so a failure can be replayed. */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

describe('SES limits', () => {
  it('delivers every mail once while SES throttles 30 % of calls, never above the max rate in any second', async () => {
    const random = seeded(42);
    const proxy = await sesFaultProxy(inject('sesUrl'), () => (random() < 0.3 ? 'throttle' : undefined));
    try {
      const rate = 40;
      const t = await deliverySetup({
        sesEndpoint: proxy.url,
        env: { SEND_RATE: String(rate), MAX_SENDERS: '2' },
      });
      const readers = await t.addSubscribers(200, 'confirmed');
      await t.dispatch();
      const workers = t.startWorkers();
      await waitFor(async () => (await t.campaigns.get(CAMPAIGN))?.status === 'done', 90_000);
      await workers.stop();

      expect(proxy.refused.length).toBeGreaterThan(30);
      expect(await t.campaigns.counts(CAMPAIGN)).toMatchObject({
        sent: 200,
        failed: 0,
        ambiguous: 0,
        pending: 0,
      });
      const delivered = t.sent.filter((m) => m.listUnsubscribeUrl).map((m) => m.to.address);
      expect(new Set(delivered)).toEqual(new Set(readers.map((r) => r.email)));
      expect(proxy.accepted).toHaveLength(200 + 1); // and the author's report
      expect(busiestWindow(proxy.accepted)).toBeLessThanOrEqual(rate);
    } finally {
      await proxy.close();
    }
  }, 120_000);

  it('pauses the campaign when the daily quota runs out, resumes when the window allows, totals exact', async () => {
    let quotaOpen = true;
    let sends = 0;
    const proxy = await sesFaultProxy(inject('sesUrl'), () => {
      if (quotaOpen && sends >= 40) quotaOpen = false;
      if (!quotaOpen) return 'quota';
      sends += 1;
      return undefined;
    });
    try {
      const t = await deliverySetup({
        sesEndpoint: proxy.url,
        env: { SEND_RATE: '200', MAX_SENDERS: '2', QUOTA_PAUSE_SECONDS: '1' },
      });
      await t.addSubscribers(100, 'confirmed');
      await t.dispatch();
      const workers = t.startWorkers();
      // The other sender's send, refused by the same quota, is given back a moment after the pause: wait for it.
      await waitFor(async () => {
        if ((await t.campaigns.get(CAMPAIGN))?.status !== 'paused') return false;
        const { sent, pending } = await t.campaigns.counts(CAMPAIGN);
        return sent + pending === 100;
      }, 30_000);
      expect(await t.campaigns.counts(CAMPAIGN)).toMatchObject({ sent: 40, pending: 60 });
      // The campaign waits out its pause instead of retrying: a few refusals, not a hot loop.
      await new Promise((r) => setTimeout(r, 1500));
      expect(proxy.refused.length).toBeLessThanOrEqual(6);
      // The next quota window opens.
      t.clock.set('2026-11-29T08:10:00Z');
      quotaOpen = true;
      sends = -1000;
      await waitFor(async () => (await t.campaigns.get(CAMPAIGN))?.status === 'done', 60_000);
      await workers.stop();
      expect(await t.campaigns.counts(CAMPAIGN)).toMatchObject({
        audience: 100,
        sent: 100,
        failed: 0,
        ambiguous: 0,
        pending: 0,
      });
      expect(new Set(t.sent.filter((m) => m.listUnsubscribeUrl).map((m) => m.to.address)).size).toBe(100);
      // The author is told of the pause once, whatever the senders and pauses (SES may refuse it too: best effort).
      expect(t.sent.filter((m) => m.subject.startsWith('[Dimanche] En pause')).map((m) => m.subject)).toEqual(
        ['[Dimanche] En pause\u00a0: #34 — Chambre en Provence, limite d’envoi du jour atteinte'],
      );
      // That notice may be refused under the same quota: the report says it too.
      await waitFor(async () => (await t.campaigns.get(CAMPAIGN))?.reportedAt !== undefined, 30_000);
      const report = t.sent.find((m) => m.subject.startsWith('[Dimanche] Envoyé'));
      expect(report?.text).toContain('Amazon SES a atteint sa limite d’envoi du jour pendant l’envoi');
    } finally {
      await proxy.close();
    }
  }, 120_000);
});
