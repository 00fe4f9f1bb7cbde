import { localDate } from './calendar.ts';

export type SendWindow = { timeZone: string; deadline: string };

/**
 * The Sunday a trigger at `now` is for: today if it is Sunday where the newsletter lives, else the last one
 * (a Monday run finds yesterday's issue and reports it as too late instead of silently doing nothing).
 */
export const sundayOf = (now: Date, timeZone: string): string => {
  const today = new Date(`${localDate(now, timeZone)}T00:00:00Z`);
  today.setUTCDate(today.getUTCDate() - today.getUTCDay());
  return today.toISOString().slice(0, 10);
};

/** Nothing goes out after the deadline (HH:MM, local time) of its Sunday: a 9 am playlist read at dinner is noise. */
export const isPastDeadline = (now: Date, sunday: string, { timeZone, deadline }: SendWindow): boolean => {
  const today = localDate(now, timeZone);
  if (today !== sunday) return today > sunday;
  const [hours = 0, minutes = 0] = deadline.split(':').map(Number);
  const local = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(now);
  const [h = 0, m = 0] = local.split(':').map(Number);
  return h * 60 + m >= hours * 60 + minutes;
};
