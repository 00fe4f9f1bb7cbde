import { localDate, sundayOnOrAfter } from './calendar.ts';

/** How far back a post may date its Sunday: a late revision of last week's issue, not an archive import. */
export const LONG_PAST_DAYS = 7;

export const addDays = (isoDate: string, days: number): string => {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/** A Sunday more than a week before today (in the newsletter's timezone) belongs to the archive, not the schedule. */
export const isLongPast = (sunday: string, now: Date, timeZone: string): boolean =>
  sunday < addDays(localDate(now, timeZone), -LONG_PAST_DAYS);

/**
 * The Sundays a new issue with no date of its own may take, nearest first: the coming one (today, on a Sunday),
 * then each one after it. A year of them: an author is never that far ahead.
 */
export function* comingSundays(now: Date, timeZone: string, count = 53): Generator<string> {
  const first = sundayOnOrAfter(now, timeZone);
  for (let week = 0; week < count; week += 1) yield addDays(first, week * 7);
}
