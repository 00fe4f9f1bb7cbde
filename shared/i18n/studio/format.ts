import { formatSunday } from '../../domain/calendar.ts';
import type { Language } from '../../domain/issue.ts';
import { localeOf, studioStrings } from './studio-strings.ts';

/** Dates, times and numbers as the author reads them: her language, the newsletter's time zone. */
export const formatter = (language: Language, timeZone: string) => {
  const locale = localeOf(language);
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone });
  const short = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'medium', timeZone });
  const numbers = new Intl.NumberFormat(locale);
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  return {
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    short: (iso: string) => short.format(new Date(iso)),
    /** A week's end as a chart labels it: the short date's first three words, no time. */
    week: (iso: string) => short.format(new Date(iso)).split(/[ ,]+/).slice(0, 3).join(' '),
    time: (iso: string) => time.format(new Date(iso)),
    sunday: (isoDate: string) => formatSunday(isoDate, locale),
    number: (n: number) => numbers.format(n),
    decimal: (n: number) => decimal.format(n),
    duration: (ms: number) => {
      const minutes = Math.max(0, Math.floor(ms / 60_000));
      return studioStrings(language).duration(
        Math.floor(minutes / 1440),
        Math.floor((minutes % 1440) / 60),
        minutes % 60,
      );
    },
  };
};

export type Formatter = ReturnType<typeof formatter>;
