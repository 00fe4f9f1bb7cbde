/**
 * The wall-clock time (HH:MM) of the Sunday run, from its cron's minute and hour fields, for the eve's
 * reminder. A schedule with ranges or steps there has no one time: the default 09:00 is said instead.
 */
export const sendTimeOf = (schedule: string): string => {
  const [minute, hour] = schedule.trim().split(/\s+/);
  const whole = (field: string | undefined, max: number) =>
    field !== undefined && /^\d{1,2}$/.test(field) && Number(field) <= max ? Number(field) : undefined;
  const m = whole(minute, 59);
  const h = whole(hour, 23);
  if (m === undefined || h === undefined) return '09:00';
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
};
