import { cpus, loadavg } from 'node:os';
import type { Spread } from './stats.ts';

export type Goal = {
  goal: string;
  spread: Spread;
  format: (n: number) => string;
  met: (n: number) => boolean;
};

/** The machine the numbers come from: they mean little without it. */
export const machine = () =>
  `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`;

/** One table, goal by goal: the median judged, min–max shown. */
export const printTable = (goals: Goal[]) => {
  const rows = goals.map((g) => [
    g.goal,
    g.format(g.spread.median),
    `${g.format(g.spread.min)} – ${g.format(g.spread.max)}`,
    g.met(g.spread.median) ? 'met' : 'MISSED',
  ]);
  const head = ['goal', 'median', 'min – max', 'verdict'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  return goals.every((g) => g.met(g.spread.median));
};

export const one = (n: number): Spread => ({ median: n, min: n, max: n });
