import { bundleAndColdStart } from './bundle-cold-start.ts';
import { renderVsPersonalise } from './render-vs-personalise.ts';

/** `npm run bench`: side-by-side measurements in one run, printed as ratios against their goals. */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const verdict = (ok: boolean) => (ok ? 'goal met' : 'GOAL MISSED');
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

const render = await renderVsPersonalise();
console.log('Render once per issue vs personalise per recipient (issue #34, 15 tracks)');
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
  `  cold import(), median of 11 fresh processes: ${bundle.apiMs.toFixed(0)} ms vs ${bundle.bareMs.toFixed(0)} ms`,
);
console.log(`  ratio: ${bundle.ratio.toFixed(2)}× (goal ≤ 1.3×): ${verdict(bundle.ratio <= 1.3)}`);
