import { BATCH_SIZE } from '../../shared/domain/campaign.ts';
import type { campaignVsBare } from './campaign-vs-bare.ts';
import { startChild } from './child-process.ts';
import { deliveryConfig } from './delivery-wiring.ts';
import { rateAdherence } from './rate-adherence.ts';
import { senderPeakRss } from './sender-rss.ts';

// Sized for about four minutes on two cores (the whole bench stays under six): SES's stand-in takes ~30 ms per SendRawEmail of issue #34, one at
// a time, and dynalite answers a few hundred calls a second, so 10,000 real sends per side, or a 100,000-reader
// sender run, would take far longer. The output says which sizes were measured.
export const E2E_RECIPIENTS = 2_000;
export const RATE = 20;
/** Whole batches for every sender: the last batch, sent by one sender alone, would run at 1/MAX_SENDERS of R. */
export const RATE_RECIPIENTS = 4 * BATCH_SIZE * deliveryConfig({}).MAX_SENDERS;
export const RSS_RECIPIENTS = 10_000;

/** The three Sunday-delivery measurements, each stand-in in its own process, none in the measured sender's. */
export const deliveryBenches = async () => {
  const dynalite = await startChild<{ url: string }>('stand-in.ts', ['dynalite']);
  const ses = await startChild<{ url: string; recorderUrl: string }>('stand-in.ts', ['ses']);
  try {
    const sides = await startChild<Awaited<ReturnType<typeof campaignVsBare>>>('campaign-vs-bare-child.ts', [
      dynalite.first.url,
      ses.first.url,
      String(E2E_RECIPIENTS),
      // Above what the SES stand-in can take: the pacer must not be what both sides measure.
      '1000',
    ]);
    await sides.stop();
    const endToEnd = sides.first;
    const rate = await rateAdherence({
      dynamoUrl: dynalite.first.url,
      recorderUrl: ses.first.recorderUrl,
      recipients: RATE_RECIPIENTS,
      ratePerSecond: RATE,
    });
    return { endToEnd, rate, rss: await isolatedSenderPeakRss() };
  } finally {
    await Promise.all([dynalite.stop(), ses.stop()]);
  }
};

/** A dynalite of its own: the tables the other measurements left behind are not the measured sender's. */
const isolatedSenderPeakRss = async () => {
  const dynalite = await startChild<{ url: string }>('stand-in.ts', ['dynalite']);
  try {
    return await senderPeakRss({ dynamoUrl: dynalite.first.url, recipients: RSS_RECIPIENTS });
  } finally {
    await dynalite.stop();
  }
};
