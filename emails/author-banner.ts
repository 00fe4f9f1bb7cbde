import type { Language } from '../shared/domain/issue.ts';
import type { WarningBannerWriter } from '../shared/ports/warning-banner.ts';
import { AUTHOR_STRINGS, authorFormat } from './author-format.ts';
import { warningSummary } from './author-warnings-view.ts';

/**
 * The banner on her preview and test mail, in AUTHOR_LANGUAGE: the warnings grouped, titled and counted as
 * in the studio and in her warnings mail (the hints stay in the mail and the studio: the banner is a reminder
 * above the newsletter, not a second page).
 *
 * @example
 * const banner = authorBanner('fr', 'Europe/Paris');
 * previewIssue(id, { store, sample, warnings, banner });
 */
export const authorBanner = (language: Language, timeZone: string): WarningBannerWriter => {
  const f = authorFormat(AUTHOR_STRINGS[language], timeZone);
  const words = f.strings.banner;
  return ({ issue, warnings, size }) => {
    const { total, groups } = warningSummary(warnings, issue, f);
    if (total === 0 && !size) return undefined;
    return {
      total,
      heading: total > 0 ? words.heading(f.count(total)) : words.sizeOnly,
      notes: size ? [words.size(f.count(size.kilobytes), f.count(size.limitKilobytes), size.clipped)] : [],
      groups: groups.map(({ title, items }) => ({ title, items })),
    };
  };
};
