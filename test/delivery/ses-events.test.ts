import { describe, expect, it } from 'vitest';
import { hmacSubscriberIds } from '../../shared/adapters/crypto/hmac-subscriber-ids.ts';
import { memoryWebhookReceipts } from '../../shared/adapters/memory/webhook-receipts.ts';
import { campaignIdFor } from '../../shared/domain/campaign.ts';
import type { Subscriber } from '../../shared/domain/subscriber.ts';
import { handleSesEvent, type SesEvent } from '../../shared/usecases/campaign/handle-ses-event.ts';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { deliverySetup } from '../support/delivery-setup.ts';
import { realNow } from '../support/real-clock.ts';

const CAMPAIGN = campaignIdFor('iss_34');

const event = (eventType: string, subscriber: Subscriber, extra: Partial<SesEvent> = {}): SesEvent => ({
  eventType,
  mail: {
    messageId: `ses-${subscriber.id}`,
    tags: { campaign: [CAMPAIGN], subscriber: [subscriber.id] },
    destination: [subscriber.email],
  },
  ...extra,
});
const hardBounce = (s: Subscriber) =>
  event('Bounce', s, { bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: s.email }] } });
const softBounce = (s: Subscriber, at: string) =>
  event('Bounce', s, {
    bounce: { bounceType: 'Transient', bouncedRecipients: [{ emailAddress: s.email }], timestamp: at },
  });
const complaint = (s: Subscriber) =>
  event('Complaint', s, { complaint: { complainedRecipients: [{ emailAddress: s.email }] } });

const setup = async () => {
  const t = await deliverySetup();
  const deps = {
    subscribers: t.subscribers,
    campaigns: t.campaigns,
    receipts: memoryWebhookReceipts(),
    ids: hmacSubscriberIds('k'.repeat(32)),
    clock: t.clock,
    logger: createJsonLogger({ service: 'test', level: 'silent' }),
  };
  return { t, deps };
};

describe('SES events', () => {
  it('suppress a hard bounce and a complaint once, whatever the order and repetition, and no later event undoes it', async () => {
    const { t, deps } = await setup();
    const [bouncer, complainer] = await t.addSubscribers(2, 'confirmed');
    if (!bouncer || !complainer) throw new Error('no subscribers');
    for (const e of [
      event('Delivery', bouncer),
      hardBounce(bouncer),
      hardBounce(bouncer),
      complaint(complainer),
      event('Delivery', complainer),
      complaint(complainer),
    ]) {
      await handleSesEvent(e, deps);
    }
    expect(await t.subscribers.get(bouncer.id)).toEqual({
      id: bouncer.id,
      status: 'suppressed',
      reason: 'hard_bounce',
      suppressedAt: '2026-11-29T08:00:00.000Z',
    });
    expect(await t.subscribers.get(complainer.id)).toMatchObject({
      status: 'suppressed',
      reason: 'complaint',
    });
    expect(await t.subscribers.listByStatus('confirmed', { limit: 10 })).toEqual({ items: [] });
  });

  it('never mail a suppressed reader again', async () => {
    const { t, deps } = await setup();
    const readers = await t.addSubscribers(3, 'confirmed');
    await handleSesEvent(complaint(readers[0] as Subscriber), deps);
    await t.dispatch();
    const workers = t.startWorkers();
    await new Promise((r) => setTimeout(r, 50));
    while ((await t.campaigns.get(CAMPAIGN))?.status !== 'done') await new Promise((r) => setTimeout(r, 50));
    await workers.stop();
    expect(
      t.sent
        .filter((m) => m.listUnsubscribeUrl)
        .map((m) => m.to.address)
        .sort(),
    ).toEqual(
      readers
        .slice(1)
        .map((r) => r.email)
        .sort(),
    );
  });

  it('count a soft bounce once per event, not per delivery of it', async () => {
    const { t, deps } = await setup();
    const [reader] = await t.addSubscribers(1, 'confirmed');
    if (!reader) throw new Error('no subscriber');
    expect(await handleSesEvent(softBounce(reader, '2026-11-29T08:05:00Z'), deps)).toBe('soft_bounce');
    expect(await handleSesEvent(softBounce(reader, '2026-11-29T08:05:00Z'), deps)).toBe('duplicate');
    await handleSesEvent(softBounce(reader, '2026-11-29T09:05:00Z'), deps);
    expect(await t.subscribers.get(reader.id)).toMatchObject({ status: 'confirmed', softBounces: 2 });
  });

  it('settle an ambiguous send that SES reports as sent', async () => {
    const { t, deps } = await setup();
    const [reader] = await t.addSubscribers(1, 'confirmed');
    if (!reader) throw new Error('no subscriber');
    const claim = await t.campaigns.claim(CAMPAIGN, reader.id, realNow().getTime(), 60_000);
    if (!claim.claimed) throw new Error('not claimed');
    await t.campaigns.settle(
      CAMPAIGN,
      reader.id,
      claim.token,
      { state: 'ambiguous', detail: 'timeout' },
      '2026-11-29T08:00:01Z',
    );
    expect(await handleSesEvent(event('Send', reader), deps)).toBe('reconciled');
    expect(await t.campaigns.ledger(CAMPAIGN, reader.id)).toMatchObject({
      state: 'sent',
      messageId: `ses-${reader.id}`,
    });
    expect(await handleSesEvent(event('Delivery', reader), deps)).toBe('ignored');
  });
});
