import type { IssueId } from '../domain/issue.ts';
import type { IssueHold, StudioAction } from '../domain/studio/issue-hold.ts';

/** Holds on issues and the author's recorded actions; each change is one conditional write. */
export type IssueHolds = {
  get: (id: IssueId) => Promise<IssueHold | undefined>;
  /** false when the issue is held already. */
  hold: (hold: IssueHold) => Promise<boolean>;
  /** false when it was not held. */
  release: (id: IssueId) => Promise<boolean>;
  record: (action: StudioAction) => Promise<void>;
  /** Oldest first. */
  actions: (id: IssueId) => Promise<StudioAction[]>;
};
