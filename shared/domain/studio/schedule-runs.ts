import { Cron } from 'croner';

/** When the schedule next fires after `from`, in the newsletter's time zone. */
export const nextRun = (schedule: string, timeZone: string, from: Date): Date | undefined =>
  new Cron(schedule, { timezone: timeZone }).nextRun(from) ?? undefined;

/** When the schedule fires on that Sunday: its first run from the day before, in the newsletter's time zone. */
export const sendTimeOn = (schedule: string, timeZone: string, sunday: string): Date | undefined => {
  const eve = new Date(Date.parse(`${sunday}T00:00:00Z`) - 86_400_000 + 12 * 3_600_000);
  const run = nextRun(schedule, timeZone, eve);
  return run && run.toISOString().slice(0, 10) <= sunday ? run : undefined;
};
