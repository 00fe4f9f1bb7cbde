import { bundleAndColdStart } from './bundle-cold-start.ts';
import { deliveryBenches, RATE } from './delivery/delivery-benches.ts';
import { renderVsPersonalise } from './render-vs-personalise.ts';

/** `npm run bench`: side-by-side measurements in one run, printed as ratios against their goals. */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const verdict = (ok: boolean) => (ok ? 'goal met' : 'GOAL MISSED');
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

const render = await renderVsPersonalise();
console.log(
  `Render once per issue vs personalise per recipient (issue #34, 15 tracks on every platform: ${render.variants} link variants)`,
);
console.log(`  MJML render (email + web page + text), median of 15: ${render.renderMs.toFixed(1)} ms`);
console.log(
  `  personalise one recipient, mean of 50,000:           ${(render.perRecipientMs * 1000).toFixed(2)} µs (HTML ${kib(render.htmlBytes)})`,
);
console.log(
  `  ratio: personalising is ${render.ratio.toFixed(0)}× cheaper (goal ≥ 1000×): ${verdict(render.ratio >= 1000)}`,
);

const bundle = await bundleAndColdStart();
console.log('\nAPI function bundle vs a bare Hono + lib-dynamodb bundle (same esbuild settings)');
console.log(
  `  size: ${kib(bundle.apiBytes)} vs ${kib(bundle.bareBytes)} (goal ≤ 600 KiB): ${verdict(bundle.apiBytes <= 600 * 1024)}`,
);
console.log(
  `  cold import(), median of 21 fresh processes: ${bundle.apiMs.toFixed(0)} ms vs ${bundle.bareMs.toFixed(0)} ms`,
);
console.log(`  ratio: ${bundle.ratio.toFixed(2)}× (goal ≤ 1.3×): ${verdict(bundle.ratio <= 1.3)}`);

const { endToEnd, rate, rss } = await deliveryBenches();
console.log(
  `\nLocal Sunday campaign end to end vs a bare loop of the same ledger writes and SendRawEmail calls (${endToEnd.workers} senders)`,
);
const fullMinutes = (10_000 / endToEnd.campaignPerSecond + 10_000 / endToEnd.barePerSecond) / 60;
console.log(
  `  ${endToEnd.recipients.toLocaleString('en')} recipients per side, not 10,000: at these rates that alone would take ${fullMinutes.toFixed(0)} min`,
);
console.log(
  `  throughput: campaign ${endToEnd.campaignPerSecond.toFixed(1)}/s vs bare ${endToEnd.barePerSecond.toFixed(1)}/s`,
);
console.log(
  `  ratio: ${endToEnd.ratio.toFixed(2)}× bare throughput (goal ≥ 0.8×): ${verdict(endToEnd.ratio >= 0.8)}`,
);

console.log(`\nRate adherence at SEND_RATE = ${RATE}/s, measured at SES (${rate.accepted} accepted sends)`);
console.log(
  `  achieved ${rate.achieved.toFixed(1)}/s over ${rate.seconds.toFixed(1)} s (goal ≥ ${(0.95 * RATE).toFixed(0)}/s): ${verdict(rate.achieved >= 0.95 * RATE)}`,
);
console.log(
  `  busiest 1-second window: ${rate.busiest} sends (goal ≤ ${RATE}): ${verdict(rate.busiest <= RATE)}`,
);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const projected = rss.peakRss + Math.max(0, rss.retainedPerRecipient) * (100_000 - rss.recipients);
console.log(
  `\nSender peak RSS, a fresh process dispatching and sending to ${rss.recipients.toLocaleString('en')} readers paged from DynamoDB`,
);
console.log(
  `  not 100,000: against dynalite that run takes ${(rss.ms / 1000).toFixed(0)} s (${((rss.recipients / rss.ms) * 1000).toFixed(0)}/s); MIME built per mail, then dropped`,
);
console.log(
  `  peak RSS ${mb(rss.peakRss)}; heap kept after a full GC grows ${rss.retainedPerRecipient.toFixed(0)} B per recipient`,
);
console.log(
  `  at the peak: ${mb(rss.baselineRss)} before the campaign, V8 heap ${mb(rss.atPeak.heapTotal)}, buffers outside it ${mb(rss.atPeak.external)}`,
);
console.log(
  `  projected to 100,000: ${mb(projected)} (goal ≤ 128 MB): ${verdict(projected <= 128 * 1024 * 1024)}`,
);
