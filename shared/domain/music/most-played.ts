import type { Track } from '../issue.ts';
import { LINK_VARIANTS, type LinkVariant } from '../platforms.ts';
import type { ClickCount } from './click-link.ts';

export type MostPlayed = {
  track: Track;
  clicks: number;
  /** Where its clicks went, most clicked first; platforms nobody clicked are left out. */
  platforms: { platform: LinkVariant; clicks: number }[];
};

/**
 * The most-played pick: the track whose links were followed most, all platforms together. A tie goes
 * to the track earlier in the issue, so the answer does not depend on the order counts are read in. None
 * before the first click, and none for counts of a position the issue no longer has.
 */
export const mostPlayed = (
  counts: readonly ClickCount[],
  tracks: readonly Track[],
): MostPlayed | undefined => {
  let best: MostPlayed | undefined;
  for (const track of [...tracks].sort((a, b) => a.position - b.position)) {
    const own = counts.filter((c) => c.position === track.position && c.clicks > 0);
    const clicks = own.reduce((sum, c) => sum + c.clicks, 0);
    if (clicks === 0 || (best && clicks <= best.clicks)) continue;
    best = { track, clicks, platforms: splitByPlatform(own) };
  }
  return best;
};

const splitByPlatform = (counts: readonly ClickCount[]) => {
  const totals = new Map<LinkVariant, number>();
  for (const c of counts) totals.set(c.platform, (totals.get(c.platform) ?? 0) + c.clicks);
  return [...totals]
    .map(([platform, clicks]) => ({ platform, clicks }))
    .sort(
      (a, b) => b.clicks - a.clicks || LINK_VARIANTS.indexOf(a.platform) - LINK_VARIANTS.indexOf(b.platform),
    );
};
