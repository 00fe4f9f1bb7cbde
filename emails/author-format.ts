import type { Language } from '../shared/domain/issue.ts';
import { NETWORK_NAMES } from '../shared/domain/social/network-names.ts';
import type { SocialNetwork } from '../shared/domain/social/networks.ts';
import type { NoticeIssue } from '../shared/ports/author-notices.ts';
import { AUTHOR_STRINGS_EN } from './author-strings-en.ts';
import { AUTHOR_STRINGS_FR } from './author-strings-fr.ts';
import type { AuthorStrings, Said } from './author-strings.ts';

export const AUTHOR_STRINGS: Record<Language, AuthorStrings> = {
  fr: AUTHOR_STRINGS_FR,
  en: AUTHOR_STRINGS_EN,
};

/** The one way an issue is named to her: its number and title, never its id. */
export const issueName = (issue: Pick<NoticeIssue, 'series' | 'title'>): string =>
  `#${issue.series} — ${issue.title}`;

/** Formatters for one language and zone, built once per mail renderer. */
export const authorFormat = (strings: AuthorStrings, timeZone: string) => {
  const { locale } = strings;
  // A calendar day (YYYY-MM-DD) names the same day everywhere: formatted at noon UTC, in UTC.
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });
  const longDay = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone });
  const parts = new Intl.DateTimeFormat('en-GB', {
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  });
  const numbers = new Intl.NumberFormat(locale);
  const partsOf = (iso: string) =>
    Object.fromEntries(parts.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return {
    strings,
    name: issueName,
    sunday: (date: string) => day.format(new Date(`${date}T12:00:00Z`)),
    /** An instant in the zone, in words: "29 novembre 2026 à 9 h", not Intl's "à 09:00". */
    moment: (iso: string) => {
      const p = partsOf(iso);
      return strings.dayAt(longDay.format(new Date(iso)), strings.clock(Number(p.hour), Number(p.minute)));
    },
    /** The clock time of an instant in the zone, as the language writes it ("9 h"). */
    clock: (iso: string) => {
      const p = partsOf(iso);
      return strings.clock(Number(p.hour), Number(p.minute));
    },
    /** A local wall-clock time ("14:00", as the settings write it) as the language writes it ("14 h"). */
    wallClock: (hhmm: string) => {
      const [hour = 0, minute = 0] = hhmm.split(':').map(Number);
      return strings.clock(hour, minute);
    },
    /** The instant's calendar day in the zone, YYYY-MM-DD. */
    dateIn: (iso: string) => {
      const p = partsOf(iso);
      return `${p.year}-${p.month}-${p.day}`;
    },
    count: (n: number) => numbers.format(n),
    said: (issue: NoticeIssue): Said => ({
      name: issueName(issue),
      sunday: day.format(new Date(`${issue.sunday}T12:00:00Z`)),
    }),
    network: (network: SocialNetwork) => NETWORK_NAMES[network],
  };
};

export type AuthorFormat = ReturnType<typeof authorFormat>;
