import { type VariantFills, type VariantSlot, variantSlot } from '../shared/domain/email-slots.ts';
import type { Language, Track } from '../shared/domain/issue.ts';
import type { TrackLinkSet } from '../shared/domain/music/track-link-sets.ts';
import { type LinkVariant, PLATFORM_NAMES, PLATFORMS } from '../shared/domain/platforms.ts';
import { escapeHtml } from './escape-html.ts';
import { labelled, STRINGS } from './strings.ts';

// Inline, like the card around it: some clients drop <style>. Kept short: Gmail clips a mail past 102 KB.
// The classes are the dark scheme's hooks (issue.mjml). Accent #9a4326 on the card's #f8efe3 is 5.6:1,
// the grey #6f5d50 5.5:1.
const MAIN = 'font-size: 13px; color: #9a4326; font-weight: bold; text-decoration: none;';
const ROW = 'font-size: 12px; color: #6f5d50;';
const OTHER = 'color: #6f5d50;';

const anchor = (href: string, style: string, label: string, className: string) =>
  `<a href="${escapeHtml(href)}" target="_blank" class="${className}" style="${style}">${escapeHtml(label)}</a>`;

/**
 * What each variant slot becomes, per variant: `universal` and every platform at least one track is on, so
 * there are at most PLATFORMS.length + 1 variants whatever the audience. A track missing the reader's
 * platform leads with its universal link. The labels are chrome: in the reader's language.
 */
export const variantFills = (
  language: Language,
  sets: readonly TrackLinkSet[],
  tracks: readonly Pick<Track, 'position' | 'title'>[],
): VariantFills => {
  const strings = STRINGS[language];
  const present = PLATFORMS.filter((platform) => sets.some((set) => set.hrefs[platform] !== undefined));
  const fills: VariantFills = {};
  for (const variant of ['universal', ...present] as LinkVariant[]) {
    const tokens: Partial<Record<VariantSlot, string>> = {};
    for (const set of sets) {
      const title = tracks.find((track) => track.position === set.position)?.title ?? '';
      const lead: LinkVariant = set.hrefs[variant] === undefined ? 'universal' : variant;
      const main = set.hrefs[lead] ?? set.hrefs.universal;
      const platforms = PLATFORMS.filter((p) => p !== lead && set.hrefs[p] !== undefined);
      const resolved = platforms.length > 0 || lead !== 'universal';
      const label = strings.listenTo(title, lead === 'universal' ? undefined : PLATFORM_NAMES[lead]);
      // Led by a platform, the song.link page closes the row; led by it, it is the main link already.
      const row = [
        ...platforms.map((p) => anchor(set.hrefs[p] as string, OTHER, PLATFORM_NAMES[p], 'dm-muted')),
        ...(lead === 'universal' || !resolved
          ? []
          : [anchor(set.hrefs.universal, OTHER, strings.allPlatforms, 'dm-muted')]),
      ];
      tokens[variantSlot(set.position, 'href')] = escapeHtml(main);
      tokens[variantSlot(set.position, 'listen')] =
        anchor(main, MAIN, label, 'dm-accent') +
        (row.length > 0 ? `<br><span class="dm-muted" style="${ROW}">${row.join(' · ')}</span>` : '');
      tokens[variantSlot(set.position, 'text')] =
        lead === 'universal'
          ? `   ${main}`
          : `   ${main}\n   ${labelled(language, strings.allPlatforms, set.hrefs.universal)}`;
    }
    fills[variant] = tokens;
  }
  return fills;
};
