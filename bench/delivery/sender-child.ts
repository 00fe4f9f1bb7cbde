import { readFileSync } from 'node:fs';
import { buildRawMime } from '../../shared/adapters/mail/raw-mime.ts';
import type { Mailer } from '../../shared/ports/mailer.ts';
import { connect, localDelivery, runCampaign } from './delivery-wiring.ts';
import { exitWithParent, say } from './child-process.ts';

/**
 * The measured process: only the sender side (dispatch paging the audience, queue, senders, ledger) on a table
 * prepared by the bench, its SES a mailer that builds each raw MIME message and drops it, so every
 * per-recipient allocation happens but no stand-in sets the pace. Prints its peak RSS as it goes.
 */
exitWithParent();

/**
 * The kernel's high-water mark of this process's memory (VmHWM), which catches a peak between two samples.
 * Not `process.resourceUsage().maxRSS`: on Linux that survives exec, so a child spawned by a big parent
 * reports the parent's peak (the bench's own process, 130–360 MB), not its own.
 */
const highWaterRss = () => {
  try {
    const kib = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kib ? Number(kib) * 1024 : undefined;
  } catch {
    return undefined;
  }
};
const [endpoint = '', tableName = '', recipientsArg = '0'] = process.argv.slice(2);
const recipients = Number(recipientsArg);

let sent = 0;
const discarding: Mailer = {
  send: async (mail) => {
    await buildRawMime(mail);
    sent += 1;
    return { kind: 'sent', messageId: `bench-${sent}` };
  },
};

// Sampled often: a peak between two samples is a GC cycle's worth, which VmHWM (below) catches anyway.
const baselineRss = process.memoryUsage.rss();
let peak = baselineRss;
let atPeak = process.memoryUsage();
const checkpoints: { sent: number; retainedHeap: number }[] = [];
const collect = (globalThis as { gc?: () => void }).gc;
const sampler = setInterval(() => {
  const usage = process.memoryUsage();
  if (usage.rss > peak) [peak, atPeak] = [usage.rss, usage];
  // At each tenth of the audience, the heap that survives a full collection (run with --expose-gc): what
  // grows with the audience shows there, free of the sawtooth of garbage waiting to be collected.
  if (collect && sent >= ((checkpoints.length + 1) * recipients) / 10) {
    collect();
    checkpoints.push({ sent, retainedHeap: process.memoryUsage().heapUsed });
  }
}, 20);

const start = performance.now();
const { counts } = await runCampaign(
  localDelivery(connect(endpoint), tableName, discarding, { SEND_RATE: '1000000' }),
);
clearInterval(sampler);
say({
  recipients,
  sent: counts.sent,
  ms: performance.now() - start,
  peakRss: Math.max(peak, highWaterRss() ?? 0),
  // What the peak is made of: the process before the campaign, then V8's heap and the buffers outside it.
  baselineRss,
  atPeak: { heapTotal: atPeak.heapTotal, external: atPeak.external, arrayBuffers: atPeak.arrayBuffers },
  checkpoints,
});
process.exit(0);
