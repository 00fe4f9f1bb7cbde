import { BATCH_SIZE } from '../../shared/domain/campaign.ts';
import { alternate, inFreshProcess, ratios } from '../rounds.ts';
import { spread } from '../stats.ts';
import type { Side } from './campaign-vs-bare.ts';
import { startChild } from './child-process.ts';
import { deliveryConfig } from './delivery-wiring.ts';
import { rateAdherence } from './rate-adherence.ts';

// SES's stand-in takes ~30 ms per SendRawEmail of issue #34, one at a time, and dynalite answers a few hundred
// calls a second: a few hundred real sends per side per round keep the whole bench within minutes.
export const RATE = 20;
/** Whole batches for every sender: the last batch, sent by one sender alone, would run at 1/MAX_SENDERS of R. */
const rateRecipients = (batchesPerSender: number) =>
  batchesPerSender * BATCH_SIZE * deliveryConfig({}).MAX_SENDERS;

export type DeliverySizes = {
  rounds: number;
  recipients: number;
  warmUp: number;
  rateRounds: number;
  batches: number;
};

/** The Sunday-delivery measurements, each stand-in in its own process, none in the measured sender's. */
export const deliveryBenches = async (sizes: DeliverySizes) => {
  const dynalite = await startChild<{ url: string }>('stand-in.ts', ['dynalite']);
  const ses = await startChild<{ url: string; recorderUrl: string }>('stand-in.ts', ['ses']);
  try {
    const side = (which: 'ours' | 'bare', recipients: number) =>
      inFreshProcess<Side>('campaign-vs-bare-child.ts', [
        which,
        dynalite.first.url,
        ses.first.url,
        String(recipients),
        String(sizes.warmUp),
        // Above what the SES stand-in can take: the pacer must not be what both sides measure.
        '1000',
      ]);
    // The stand-ins live for the whole bench and run twice as fast once their own JIT is warm: one pair, not
    // counted, warms them, so the first measured round does not time a cold dynalite against a warm one.
    await side('ours', sizes.warmUp);
    await side('bare', sizes.warmUp);
    const pairs = await alternate(sizes.rounds, (which) => side(which, sizes.recipients));
    const rates = [];
    for (let round = 0; round < sizes.rateRounds; round += 1)
      rates.push(
        await rateAdherence({
          dynamoUrl: dynalite.first.url,
          recorderUrl: ses.first.recorderUrl,
          recipients: rateRecipients(sizes.batches),
          ratePerSecond: RATE,
        }),
      );
    return {
      endToEnd: {
        recipients: sizes.recipients,
        workers: pairs[0]?.ours.workers ?? 0,
        campaignPerSecond: pairs.map((p) => p.ours.perSecond),
        barePerSecond: pairs.map((p) => p.bare.perSecond),
        ratio: ratios(pairs, (ours, bare) => ours.perSecond / bare.perSecond),
        cpuPerMail: {
          ours: spread(pairs.map((p) => p.ours.cpuMsPerMail)),
          bare: spread(pairs.map((p) => p.bare.cpuMsPerMail)),
        },
      },
      rate: {
        accepted: rates.reduce((n, r) => n + r.accepted, 0),
        achieved: spread(rates.map((r) => r.achieved)),
        busiest: spread(rates.map((r) => r.busiest)),
      },
    };
  } finally {
    await Promise.all([dynalite.stop(), ses.stop()]);
  }
};
