import type { Goal } from './report.ts';
import type { SearchBench } from './subscriber-search.ts';

const ms = (n: number) => `${n.toFixed(0)} ms`;

export const printSearchBench = (result: SearchBench) => {
  console.log(
    `\nAbonnés search, ${result.readers.toLocaleString('en')} readers on dynalite, ${result.slowestMs.length} rounds`,
  );
  console.log(`  seed (BatchWrite of the records): ${(result.seedMs / 1000).toFixed(1)} s`);
  console.log(`  directory backfill from the records: ${(result.backfillMs / 1000).toFixed(1)} s`);
  for (const [query, times] of Object.entries(result.perQueryMs))
    console.log(`  ${query}: ${times.map(ms).join(', ')}`);
  console.log(`  for comparison, a filtered Scan of the full records: ${ms(result.scanMs)}`);
};

export const searchGoal = (result: SearchBench): Goal => ({
  goal: `search of ${result.readers.toLocaleString('en')} readers ≤ 1 s (slowest query of a round)`,
  spread: result.slowest,
  format: ms,
  met: (n) => n <= 1000,
});
