import { localDate, sundayOnOrAfter } from '../../shared/domain/calendar.ts';
import { addDays, isLongPast } from '../../shared/domain/post-sunday.ts';

/** The newsletter's week as the author sees it, in a few lines: which issue holds which Sunday, held or sent. */
export type ModelIssue = { sunday: string; hold?: 'held' | 'cancelled'; sent: boolean };

export type WeekModel = {
  now: Date;
  issues: Map<number, ModelIssue>;
  /** What the studio recorded on each issue, in order. */
  actions: Map<number, string[]>;
};

const TZ = 'Europe/Paris';
export const SERIES = [40, 41, 42] as const;

export const newModel = (now: Date): WeekModel => ({ now, issues: new Map(), actions: new Map() });
export const comingOf = (m: WeekModel) => sundayOnOrAfter(m.now, TZ);
export const todayOf = (m: WeekModel) => localDate(m.now, TZ);
export const weeksFromComing = (m: WeekModel, weeks: number) => addDays(comingOf(m), weeks * 7);

const holderOf = (m: WeekModel, sunday: string) =>
  [...m.issues.entries()].find(([, issue]) => issue.sunday === sunday)?.[0];
const isFree = (m: WeekModel, sunday: string) => holderOf(m, sunday) === undefined;

export const record = (m: WeekModel, series: number, action: string) =>
  m.actions.set(series, [...(m.actions.get(series) ?? []), action]);

/** A post: the status the webhook must answer and the Sunday the issue then has (undefined: not stored). */
export const expectPublish = (m: WeekModel, series: number, asked: string | undefined) => {
  const own = m.issues.get(series);
  if (own?.sent) return { status: 409 };
  if (own) {
    const desired = asked ?? own.sunday;
    const sunday = desired !== own.sunday && isFree(m, desired) ? desired : own.sunday;
    return isLongPast(sunday, m.now, TZ) ? { status: 422 } : { status: 200, sunday };
  }
  let sunday = asked ?? comingOf(m);
  while (!isFree(m, sunday)) sunday = addDays(sunday, 7);
  return { status: 201, sunday };
};

export const canHold = (m: WeekModel, series: number) => {
  const issue = m.issues.get(series);
  return Boolean(issue && !issue.sent && !issue.hold);
};
export const canRelease = (m: WeekModel, series: number) => {
  const issue = m.issues.get(series);
  return Boolean(issue && !issue.sent && issue.hold);
};
/** From the studio: only the coming Sunday's issue, not held, not sent. */
export const canSendNow = (m: WeekModel, series: number) => {
  const issue = m.issues.get(series);
  return Boolean(issue && !issue.sent && !issue.hold && issue.sunday === comingOf(m));
};
export const canMove = (m: WeekModel, series: number, to: string) => {
  const issue = m.issues.get(series);
  const coming = comingOf(m);
  return Boolean(
    issue &&
    !issue.sent &&
    issue.hold !== 'cancelled' &&
    issue.sunday >= coming &&
    to >= coming &&
    to !== issue.sunday &&
    isFree(m, to),
  );
};
/** `npm run sunday -- --now [--issue N]`: the named issue, else the coming Sunday's, unless sent or held. */
export const cliSends = (m: WeekModel, series: number | undefined) => {
  const chosen = series ?? holderOf(m, comingOf(m));
  const issue = chosen === undefined ? undefined : m.issues.get(chosen);
  return issue && !issue.sent && !issue.hold ? chosen : undefined;
};
/** The schedule at 09:00 on a Sunday: that Sunday's issue, unless sent or held. */
export const scheduleSends = (m: WeekModel) => cliSends(m, undefined);
