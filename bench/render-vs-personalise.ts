import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alternate, inFreshProcess, ratios } from './rounds.ts';

type RenderSide = { ms: number; cpuMs: number; htmlBytes: number };
type PersonaliseSide = { ms: number; cpuMs: number; variants: number };

/**
 * MJML once per issue vs the per-recipient step that fills in one reader's links, in alternating fresh
 * processes: render (median of 15 after 3 warm-up renders), then personalise (mean over `recipients`).
 */
export const renderVsPersonalise = async ({ rounds, recipients }: { rounds: number; recipients: number }) => {
  const file = join(mkdtempSync(join(tmpdir(), 'dimanche-render-')), 'rendered.json');
  // The first render writes the issue the personalise rounds read.
  await inFreshProcess<RenderSide>('bench/render/render-round.ts', [file, '1']);
  const pairs = await alternate(rounds, async (which) =>
    which === 'ours'
      ? inFreshProcess<PersonaliseSide>('bench/render/personalise-round.ts', [file, String(recipients)])
      : inFreshProcess<RenderSide>('bench/render/render-round.ts', ['', '15']),
  );
  const first = pairs[0] as (typeof pairs)[number];
  return {
    variants: (first.ours as PersonaliseSide).variants,
    htmlBytes: (first.bare as RenderSide).htmlBytes,
    renderMs: pairs.map((p) => p.bare.ms),
    perRecipientMs: pairs.map((p) => p.ours.ms),
    ratio: ratios(pairs, (ours, bare) => bare.ms / ours.ms),
    cpuRatio: ratios(pairs, (ours, bare) => bare.cpuMs / ours.cpuMs),
  };
};
