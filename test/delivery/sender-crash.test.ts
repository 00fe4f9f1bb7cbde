import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { campaignIdFor } from '../../shared/domain/campaign.ts';
import type { Mailer } from '../../shared/ports/mailer.ts';
import { resumeCampaigns } from '../../shared/usecases/campaign/resume-campaigns.ts';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { deliverySetup, storedMailTo, waitFor } from '../support/delivery-setup.ts';

const CAMPAIGN = campaignIdFor('iss_34');
const SENDERS = 2;

class ProcessKilled extends Error {
  override name = 'ProcessKilled';
}

/** A deterministic pseudo-random sequence (mulberry32), so a failing seed can be replayed. */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/**
 * A sender process that dies at its k-th SES call, before or after SES accepted it. From that instant nothing
 * it does reaches DynamoDB or SES any more, as if the process were gone.
 */
const doomedProcess = (doc: DynamoDBDocumentClient, mailer: Mailer, dieAt: number, afterSes: boolean) => {
  let dead = false;
  let calls = 0;
  const deadDoc = new Proxy(doc, {
    get: (target, key) =>
      key === 'send'
        ? (...args: Parameters<typeof doc.send>) =>
            dead ? Promise.reject(new ProcessKilled()) : target.send(...args)
        : Reflect.get(target, key),
  });
  const deadMailer: Mailer = {
    send: async (mail) => {
      if (dead) throw new ProcessKilled();
      calls += 1;
      if (calls !== dieAt) return mailer.send(mail);
      if (afterSes) await mailer.send(mail);
      dead = true;
      throw new ProcessKilled();
    },
  };
  return { doc: deadDoc, mailer: deadMailer, isDead: () => dead };
};

describe('a sender killed at a random point', () => {
  it.each(Array.from({ length: 10 }, (_, i) => i + 1))(
    'seed %i: after a restart every subscriber has exactly one send or is reported ambiguous',
    async (seed) => {
      const random = seeded(seed);
      const t = await deliverySetup({ env: { SEND_RATE: '400', MAX_SENDERS: String(SENDERS) } });
      const readers = await t.addSubscribers(80, 'confirmed');
      const dieAt = 1 + Math.floor(random() * 75);
      const doomed = doomedProcess(t.doc, t.recorder, dieAt, random() < 0.5);
      const first = t.deliveryWith({ doc: doomed.doc, mailer: doomed.mailer });
      await first.dispatch();
      const workers = first.startWorkers();
      await waitFor(async () => doomed.isDead(), 30_000);
      await workers.stop();

      // The restarted process: its leases on the dead one's claims have run out, its queue is rebuilt.
      t.clock.set('2026-11-29T08:05:00Z');
      const second = t.deliveryWith();
      await resumeCampaigns({
        campaigns: second.campaigns,
        queue: { enqueue: async (m) => void second.queue.send(m) },
        logger: createJsonLogger({ service: 'test', level: 'silent' }),
      });
      const restarted = second.startWorkers();
      await waitFor(async () => (await second.campaigns.get(CAMPAIGN))?.status === 'done', 60_000);
      await restarted.stop();

      const counts = await second.campaigns.counts(CAMPAIGN);
      expect(counts.pending + counts.claimed + counts.sending).toBe(0);
      expect(counts.sent + counts.ambiguous).toBe(80);
      expect(counts.ambiguous).toBeLessThanOrEqual(SENDERS);

      const mails = (await storedMailTo(t.domain)).filter((m) => !m.subject.startsWith('[Dimanche]'));
      const perReader = new Map<string, number>();
      for (const m of mails) {
        const address = /<?([^<>\s]+@[^<>\s]+)>?$/.exec(m.destination.to[0] ?? '')?.[1] ?? '';
        perReader.set(address, (perReader.get(address) ?? 0) + 1);
      }
      expect(Math.max(...perReader.values())).toBe(1);
      for (const reader of readers) {
        const entry = await second.campaigns.ledger(CAMPAIGN, reader.id);
        if (entry?.state === 'sent') expect(perReader.get(reader.email)).toBe(1);
        else expect(entry?.state).toBe('ambiguous');
      }
      const report = (await storedMailTo(t.domain)).find((m) => m.subject.startsWith('[Dimanche] Envoyé'));
      expect(report?.body.text).toMatch(new RegExp(`\\nIncertains \\.+ ${counts.ambiguous}\\n`));
    },
    90_000,
  );
});
