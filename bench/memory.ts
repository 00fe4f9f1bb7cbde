import { startChild } from './delivery/child-process.ts';
import { senderPeakRss } from './delivery/sender-rss.ts';
import { machine, one, printTable } from './report.ts';

/**
 * `npm run bench:memory [-- --recipients N]`: a real campaign to 100,000 readers (not a projection). The
 * readers are written in bulk (BatchWriteItem, 25 a call, straight into dynalite), then a fresh sender
 * process, bundled as on Lambda, pages and sends to all of them; its peak RSS is the kernel's VmHWM.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const at = process.argv.indexOf('--recipients');
const recipients = at > 0 ? Number(process.argv[at + 1]) : 100_000;
console.log(`Machine: ${machine()}`);
const dynalite = await startChild<{ url: string }>('stand-in.ts', ['dynalite']);
try {
  const rss = await senderPeakRss({ dynamoUrl: dynalite.first.url, recipients });
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  console.log(
    `\nSender peak RSS, one campaign to ${recipients.toLocaleString('en')} readers paged from DynamoDB`,
  );
  console.log(
    `  seeding: ${(rss.setupMs / 1000).toFixed(0)} s; campaign: ${(rss.ms / 1000).toFixed(0)} s (${((recipients / rss.ms) * 1000).toFixed(0)} mails/s, MIME built per mail, then dropped)`,
  );
  console.log(
    `  ${mb(rss.baselineRss)} before the campaign; at the peak V8 heap ${mb(rss.atPeak.heapTotal)}, buffers outside it ${mb(rss.atPeak.external)}`,
  );
  console.log(`  heap kept after a full GC grows ${rss.retainedPerRecipient.toFixed(1)} B per recipient\n`);
  console.log(`Machine: ${machine()}\n`);
  const met = printTable([
    {
      goal: `sender peak RSS (VmHWM) at ${recipients.toLocaleString('en')} ≤ 128 MB`,
      spread: one(rss.peakRss),
      format: mb,
      met: (n) => n <= 128 * 1024 * 1024,
    },
  ]);
  if (!met) process.exitCode = 1;
} finally {
  await dynalite.stop();
}
