import type { ClickCount, ClickLink } from '../domain/music/click-link.ts';
import type { IssueId } from '../domain/issue.ts';

/** The email's links and how often each was followed: aggregate counts, nothing about who clicked. */
export type ClickStore = {
  /** Idempotent: registering the same links again (a re-render) keeps their counts. */
  register: (links: readonly ClickLink[]) => Promise<void>;
  find: (id: string) => Promise<ClickLink | undefined>;
  /** One atomic increment: concurrent clicks are all counted. */
  count: (link: ClickLink) => Promise<void>;
  countsFor: (issueId: IssueId) => Promise<ClickCount[]>;
};
