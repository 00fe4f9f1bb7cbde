/** Calendar rules in the newsletter's timezone. Pure: the instant comes from the caller's clock. */

// A formatter costs tens of microseconds to build: the public pages ask for today's date on every request.
const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterFor = (timeZone: string) => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

export const localDate = (instant: Date, timeZone: string): string => {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
};

/** The Sunday on or after the given instant's local date: a post written on Saturday goes out the next morning. */
export const sundayOnOrAfter = (instant: Date, timeZone: string): string => {
  const date = new Date(`${localDate(instant, timeZone)}T00:00:00Z`);
  const daysToSunday = (7 - date.getUTCDay()) % 7;
  date.setUTCDate(date.getUTCDate() + daysToSunday);
  return date.toISOString().slice(0, 10);
};

export const isSunday = (isoDate: string): boolean => new Date(`${isoDate}T00:00:00Z`).getUTCDay() === 0;

/**
 * "dimanche 29 novembre 2026". The Sunday is a calendar date, not an instant: formatting noon UTC
 * in UTC keeps it the same day whatever the machine's timezone.
 */
export const formatSunday = (isoDate: string, locale: string): string =>
  new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T12:00:00Z`));
