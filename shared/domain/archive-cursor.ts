import type { SundayPosition } from '../ports/issue-store.ts';

// "2026-11-29_34": the Sunday and the series number of the last issue on the previous page.
const CURSOR = /^(\d{4}-\d{2}-\d{2})_([1-9]\d{0,8})$/;

export const encodeArchiveCursor = ({ sunday, series }: SundayPosition): string => `${sunday}_${series}`;

const isCalendarDate = (iso: string): boolean => {
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
};

/** The `cursor` query parameter: absent is the first page; `invalid` is one no previous page gave out. */
export const decodeArchiveCursor = (raw: string | undefined): SundayPosition | undefined | 'invalid' => {
  if (raw === undefined) return undefined;
  const match = CURSOR.exec(raw);
  if (!match?.[1] || !match[2] || !isCalendarDate(match[1])) return 'invalid';
  return { sunday: match[1], series: Number(match[2]) };
};
