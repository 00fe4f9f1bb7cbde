import { type VariantFills, type VariantSlot, variantSlot } from '../shared/domain/email-slots.ts';
import type { Language } from '../shared/domain/issue.ts';
import type { TrackLinkSet } from '../shared/domain/music/track-link-sets.ts';
import { type LinkVariant, PLATFORM_NAMES, PLATFORMS } from '../shared/domain/platforms.ts';
import { escapeHtml } from './escape-html.ts';
import { labelled, STRINGS } from './strings.ts';

// Inline, like the card around it: some clients drop <style>. Kept short: Gmail clips a mail past 102 KB.
const MAIN = 'font-size: 13px; color: #b4532f; font-weight: bold; text-decoration: none;';
const ROW = 'font-size: 12px; color: #7d6b5d;';
const OTHER = 'color: #7d6b5d;';

const anchor = (href: string, style: string, label: string) =>
  `<a href="${escapeHtml(href)}" target="_blank" style="${style}">${escapeHtml(label)}</a>`;

/**
 * What each variant slot becomes, per variant: `universal` and every platform at least one track is on, so
 * there are at most PLATFORMS.length + 1 variants whatever the audience. A track missing the reader's
 * platform leads with its universal link. The labels are chrome: in the reader's language.
 */
export const variantFills = (language: Language, sets: readonly TrackLinkSet[]): VariantFills => {
  const strings = STRINGS[language];
  const present = PLATFORMS.filter((platform) => sets.some((set) => set.hrefs[platform] !== undefined));
  const fills: VariantFills = {};
  for (const variant of ['universal', ...present] as LinkVariant[]) {
    const tokens: Partial<Record<VariantSlot, string>> = {};
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
      tokens[variantSlot(set.position, 'href')] = escapeHtml(main);
      tokens[variantSlot(set.position, 'listen')] =
        anchor(main, MAIN, `${label}\u00a0→`) +
        (row.length > 0 ? `<br><span style="${ROW}">${row.join(' · ')}</span>` : '');
      tokens[variantSlot(set.position, 'text')] =
        lead === 'universal'
          ? `   ${main}`
          : `   ${main}\n   ${labelled(language, strings.allPlatforms, set.hrefs.universal)}`;
    }
    fills[variant] = tokens;
  }
  return fills;
};
