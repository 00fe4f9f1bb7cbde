import type { Issue } from '../shared/domain/issue.ts';
import type { TrackLinkSet } from '../shared/domain/music/track-link-sets.ts';
import { type LinkVariant, PLATFORM_NAMES, PLATFORMS } from '../shared/domain/platforms.ts';
import { type VariantFills, variantToken } from '../shared/domain/rendered-email.ts';
import { escapeHtml } from './escape-html.ts';
import { labelled, STRINGS } from './strings.ts';

// Inline, like the card around it: some clients drop <style>. Kept short: Gmail clips a mail past 102 KB.
const MAIN = 'font-size: 13px; color: #b4532f; font-weight: bold; text-decoration: none;';
const ROW = 'font-size: 12px; color: #7d6b5d;';
const OTHER = 'color: #7d6b5d;';

const anchor = (href: string, style: string, label: string) =>
  `<a href="${escapeHtml(href)}" target="_blank" style="${style}">${escapeHtml(label)}</a>`;

/**
 * What each variant placeholder becomes, per variant: `universal` and every platform at least one track is on,
 * so there are at most PLATFORMS.length + 1 variants whatever the audience. A track missing the reader's
 * platform leads with its universal link.
 */
export const variantFills = (issue: Issue, sets: readonly TrackLinkSet[]): VariantFills => {
  const strings = STRINGS[issue.language];
  const present = PLATFORMS.filter((platform) => sets.some((set) => set.hrefs[platform] !== undefined));
  const fills: VariantFills = {};
  for (const variant of ['universal', ...present] as LinkVariant[]) {
    const tokens: Record<string, string> = {};
    for (const set of sets) {
      const lead: LinkVariant = set.hrefs[variant] === undefined ? 'universal' : variant;
      const main = set.hrefs[lead] ?? set.hrefs.universal;
      const platforms = PLATFORMS.filter((p) => p !== lead && set.hrefs[p] !== undefined);
      const resolved = platforms.length > 0 || lead !== 'universal';
      const label = lead === 'universal' ? strings.listen : strings.listenOn(PLATFORM_NAMES[lead]);
      // Led by a platform, the song.link page closes the row; led by it, it is the main link already.
      const row = [
        ...platforms.map((p) => anchor(set.hrefs[p] as string, OTHER, PLATFORM_NAMES[p])),
        ...(lead === 'universal' || !resolved
          ? []
          : [anchor(set.hrefs.universal, OTHER, strings.allPlatforms)]),
      ];
      tokens[variantToken(set.position, 'HREF')] = escapeHtml(main);
      tokens[variantToken(set.position, 'LISTEN')] =
        anchor(main, MAIN, `${label}\u00a0→`) +
        (row.length > 0 ? `<br><span style="${ROW}">${row.join(' · ')}</span>` : '');
      tokens[variantToken(set.position, 'TEXT')] =
        lead === 'universal'
          ? `   ${main}`
          : `   ${main}\n   ${labelled(issue.language, strings.allPlatforms, set.hrefs.universal)}`;
    }
    fills[variant] = tokens;
  }
  return fills;
};
