import { localDate } from '../domain/calendar.ts';
import type { Issue } from '../domain/issue.ts';
import type { IssueStore, SundayPosition } from '../ports/issue-store.ts';

/**
 * What readers may see: a rendered issue, from its Sunday on (the newsletter's local date), or once it was
 * sent, which can be earlier (`npm run sunday -- --now`): a reader's "view in browser" link must then work.
 */
export const isPublished = (issue: Issue, today: string): boolean =>
  issue.renderedRevision !== undefined && (issue.sunday <= today || issue.status === 'sent');

/**
 * The day an issue joined what readers see: its Sunday, or the day it was sent when that came first (the
 * status's last change is the send). The archive's feed is the one built for the issue that joined last.
 */
export const joinDay = (issue: Issue, timeZone: string): string => {
  if (issue.status !== 'sent') return issue.sunday;
  const sentOn = localDate(new Date(issue.updatedAt), timeZone);
  return sentOn < issue.sunday ? sentOn : issue.sunday;
};

/** Newest first: negative when `a` comes before `b`. */
export const sundayOrder = (a: Issue, b: Issue): number =>
  a.sunday === b.sunday ? b.series - a.series : a.sunday > b.sunday ? -1 : 1;

/** The issue that joined last first; the same day, in Sunday order. */
export const joinOrder =
  (timeZone: string) =>
  (a: Issue, b: Issue): number => {
    const [dayA, dayB] = [joinDay(a, timeZone), joinDay(b, timeZone)];
    return dayA === dayB ? sundayOrder(a, b) : dayA > dayB ? -1 : 1;
  };

export const positionOf = ({ sunday, series }: Pick<Issue, 'sunday' | 'series'>): SundayPosition => ({
  sunday,
  series,
});

type Collect = {
  keep: (issue: Issue) => boolean;
  /** Stop reading once the issues kept so far are enough. */
  enough: (kept: readonly Issue[]) => boolean;
  pageSize: number;
  from?: SundayPosition;
  order?: 'newest_first' | 'oldest_first';
};

/**
 * Reads issues in Sunday order a page at a time, keeping those that pass `keep`: the store pages every
 * issue, and the few it skips (next Sundays' issues, written ahead) seldom cost a second read.
 */
export const collectIssues = async (store: IssueStore, options: Collect): Promise<Issue[]> => {
  const kept: Issue[] = [];
  let from = options.from;
  for (;;) {
    const page = await store.pageBySunday({
      limit: options.pageSize,
      ...(from ? { from } : {}),
      ...(options.order ? { order: options.order } : {}),
    });
    kept.push(...page.filter(options.keep));
    const last = page.at(-1);
    if (options.enough(kept) || page.length < options.pageSize || !last) return kept;
    from = positionOf(last);
  }
};
