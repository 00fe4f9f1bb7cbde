import { startChild } from './delivery/child-process.ts';
import { spread } from './stats.ts';

/**
 * `rounds` pairs run alternately, each side in a fresh process that warms up before it measures: a busy moment
 * on the machine hits both sides alike, and no side inherits the other's heap or JIT. The order flips every
 * round (ours, bare, bare, ours…), so a drift of the machine or of a shared stand-in over the run (its JIT
 * warming, its store growing) favours neither side. Each pair gives one ratio; goals are judged on the median.
 */
export const alternate = async <T>(
  rounds: number,
  side: (which: 'ours' | 'bare', round: number) => Promise<T>,
) => {
  const pairs: { ours: T; bare: T }[] = [];
  for (let round = 0; round < rounds; round += 1) {
    if (round % 2 === 0) {
      const ours = await side('ours', round);
      pairs.push({ ours, bare: await side('bare', round) });
    } else {
      const bare = await side('bare', round);
      pairs.push({ ours: await side('ours', round), bare });
    }
  }
  return pairs;
};

/** One measured side in a fresh process: its only line of output is its result. */
export const inFreshProcess = async <T>(file: string, args: string[], nodeOptions: string[] = []) => {
  const child = await startChild<T>(file, args, nodeOptions);
  await child.stop();
  return child.first;
};

export const ratios = <T>(pairs: { ours: T; bare: T }[], ratio: (ours: T, bare: T) => number) =>
  spread(pairs.map(({ ours, bare }) => ratio(ours, bare)));
