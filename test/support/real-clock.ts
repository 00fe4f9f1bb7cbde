import { comingSundays } from '../../shared/domain/post-sunday.ts';

/**
 * Dates for a runtime that reads the system clock itself (a Lambda handler as deployed, `npm start` in a child
 * process): they are computed from that same clock, so the test means the same thing on any day. Tests of code
 * that takes a Clock port use a fixed clock and the fixtures' dates instead.
 */
export const sundayFromNow = (weeksAfterTheComingOne: number, timeZone = 'Europe/Paris'): string => {
  const sundays = [...comingSundays(new Date(), timeZone, weeksAfterTheComingOne + 1)];
  const sunday = sundays.at(-1);
  if (!sunday) throw new Error('no Sunday computed');
  return sunday;
};

/** The system clock, for what the code under test reads itself: a Lambda's lease times, a webhook signature's window. */
export const realNow = (): Date => new Date();
