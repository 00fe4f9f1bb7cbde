import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { campaignIdFor } from '../../shared/domain/campaign.ts';
import { resumeCampaigns } from '../../shared/usecases/campaign/resume-campaigns.ts';
import { deliverySetup, storedMailTo, waitFor } from '../support/delivery-setup.ts';

const CAMPAIGN = campaignIdFor('iss_34');

/** A process that dies as it is about to write its `fatal`-th batch: nothing it does reaches DynamoDB after. */
const dyingAtBatch = (doc: DynamoDBDocumentClient, fatal: number) => {
  let batches = 0;
  let dead = false;
  const proxy = new Proxy(doc, {
    get: (target, key) =>
      key === 'send'
        ? (command: { input?: { Item?: { sk?: unknown } } }) => {
            if (String(command.input?.Item?.sk ?? '').startsWith('BATCH#')) batches += 1;
            if (batches >= fatal) dead = true;
            return dead
              ? Promise.reject(new Error('process killed'))
              : target.send(command as Parameters<typeof doc.send>[0]);
          }
        : Reflect.get(target, key),
  });
  return { doc: proxy, isDead: () => dead };
};

describe('a dispatch killed half-way through the audience', () => {
  it('is taken over after a restart: the batches already written are queued again, the rest paged, each reader mailed once', async () => {
    const t = await deliverySetup({ env: { SEND_RATE: '400', MAX_SENDERS: '2' } });
    const readers = await t.addSubscribers(130, 'confirmed'); // three batches of 50 at most
    const dying = dyingAtBatch(t.doc, 2);
    const first = t.deliveryWith({ doc: dying.doc });
    await expect(first.dispatch()).rejects.toThrow('process killed');
    // Its queue died with it: batch 1 was queued there, written and checkpointed, never sent.
    expect(await t.deliveryWith().campaigns.get(CAMPAIGN)).toMatchObject({ dispatched: false, batches: 1 });

    // The restart: the dead dispatch's lease has run out; the queue is rebuilt, then the dispatch taken over.
    t.clock.set('2026-11-29T08:05:00Z');
    const second = t.deliveryWith();
    const requeued = await resumeCampaigns({
      campaigns: second.campaigns,
      queue: { enqueue: async (m) => void second.queue.send(m) },
      logger: createJsonLogger({ service: 'test', level: 'silent' }),
    });
    expect(requeued).toBe(1);
    const workers = second.startWorkers();
    expect((await second.dispatch({ series: 34 })).kind).toBe('dispatched');
    await waitFor(async () => (await second.campaigns.get(CAMPAIGN))?.status === 'done', 60_000);
    await workers.stop();

    const counts = await second.campaigns.counts(CAMPAIGN);
    expect(counts).toMatchObject({ audience: 130, sent: 130, ambiguous: 0, failed: 0, pending: 0 });
    const mails = (await storedMailTo(t.domain)).filter((m) => !m.subject.startsWith('[Dimanche]'));
    const addressed = mails.map((m) => /<?([^<>\s]+@[^<>\s]+)>?$/.exec(m.destination.to[0] ?? '')?.[1]);
    expect(addressed.sort()).toEqual(readers.map((r) => r.email).sort());
  }, 90_000);
});
