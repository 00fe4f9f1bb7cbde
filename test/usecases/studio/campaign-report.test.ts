import { describe, expect, it } from 'vitest';
import { formatter } from '../../../shared/i18n/studio/format.ts';
import { campaignReport } from '../../../shared/usecases/studio/campaign-report.ts';
import type { Campaign, CampaignId, LedgerEntry } from '../../../shared/domain/campaign.ts';
import type { Issue } from '../../../shared/domain/issue.ts';
import type { SubscriberId } from '../../../shared/domain/subscriber.ts';
import { aSubscriber } from '../../builders/subscriber.ts';
import { testApp } from '../../support/test-app.ts';

const STARTED = '2026-11-29T08:00:00.000Z';
const AFTER = '2026-11-29T10:00:00.000Z';
const BEFORE = '2026-11-28T10:00:00.000Z';

describe("a campaign report's bounces, complaints and departures", () => {
  it('counts the readers the campaign reached who bounced, complained or left since it started, and no one else', async () => {
    const { subscribers } = await testApp();
    const reader = async () => {
      const record = aSubscriber();
      await subscribers.create(record);
      return record;
    };
    const [bounced, complained, left, leftBefore, unreached, reading] = await Promise.all(
      Array.from({ length: 6 }, reader),
    );
    if (!bounced || !complained || !left || !leftBefore || !unreached || !reading)
      throw new Error('no readers');
    await subscribers.suppress(bounced.id, 'hard_bounce', AFTER);
    await subscribers.suppress(complained.id, 'complaint', AFTER);
    await subscribers.suppress(unreached.id, 'hard_bounce', AFTER);
    await subscribers.replace({ ...left, status: 'unsubscribed', unsubscribedAt: AFTER }, 'confirmed');
    await subscribers.replace({ ...leftBefore, status: 'unsubscribed', unsubscribedAt: BEFORE }, 'confirmed');

    const campaignId = 'cmp_34' as CampaignId;
    const entry = (subscriberId: SubscriberId, state: LedgerEntry['state']): LedgerEntry => ({
      campaignId,
      subscriberId,
      state,
      updatedAt: '2026-11-29T08:00:01.000Z',
    });
    const entries = [
      ...[bounced, complained, left, leftBefore, reading].map((r) => entry(r.id, 'sent')),
      entry(unreached.id, 'failed'),
    ];
    const report = await campaignReport(
      {
        subscribers,
        clicks: { countsFor: async () => [] } as never,
        ledger: { entries: async () => entries },
      },
      { id: 'iss_34', tracks: [] } as unknown as Issue,
      { id: campaignId, startedAt: STARTED } as Campaign,
      formatter('fr', 'Europe/Paris'),
    );
    expect(report).toMatchObject({ delivered: 5, bounced: 1, complained: 1, unsubscribed: 1 });
  });
});
