import type { Issue } from '../domain/issue.ts';
import type { IssueStore, SundayPosition } from '../ports/issue-store.ts';

/**
 * What readers may see: a rendered issue, from its Sunday on (the newsletter's local date), or once it was
 * sent, which can be earlier (`npm run sunday -- --now`): a reader's "view in browser" link must then work.
 */
export const isPublished = (issue: Issue, today: string): boolean =>
  issue.renderedRevision !== undefined && (issue.sunday <= today || issue.status === 'sent');

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
