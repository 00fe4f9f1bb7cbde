import type { IssueContent } from '../issue.ts';

/** A post as it arrives: without a Sunday of its own, a new issue takes the next free one, a revision keeps its own. */
export type PostContent = Omit<IssueContent, 'sunday'> & { sunday?: string };
