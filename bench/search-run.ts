import { machine, printTable } from './report.ts';
import { printSearchBench, searchGoal } from './subscriber-search-report.ts';
import { subscriberSearchBench } from './subscriber-search.ts';

/** `npm run bench:search [-- --quick]`: only the Abonnés search case of `npm run bench`. */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const quick = process.argv.includes('--quick');
console.log(`Machine: ${machine()}${quick ? ' (--quick: sizes too small to judge)' : ''}`);
const result = await subscriberSearchBench(
  quick ? { readers: 2_000, rounds: 1 } : { readers: 100_000, rounds: 5 },
);
printSearchBench(result);
const met = printTable([searchGoal(result)]);
if (!met && !quick) process.exitCode = 1;
