import type { IssueId } from '../../domain/issue.ts';
import type { IssueHold, StudioAction } from '../../domain/studio/issue-hold.ts';
import type { IssueHolds } from '../../ports/issue-holds.ts';

/**
 * Holds and the author's actions. Actions are ordered as the table's monotonic ULIDs order them: by their
 * time, except that one recorded after a later one never sorts before it.
 */
export const memoryIssueHolds = (): IssueHolds => {
  const holds = new Map<IssueId, IssueHold>();
  const recorded: { action: StudioAction; time: number; seq: number }[] = [];
  let last = 0;
  return {
    get: async (id) => {
      const hold = holds.get(id);
      return hold && { issueId: hold.issueId, kind: hold.kind, by: hold.by, at: hold.at };
    },
    hold: async (hold) => {
      if (holds.has(hold.issueId)) return false;
      holds.set(hold.issueId, { ...hold });
      return true;
    },
    release: async (id) => holds.delete(id),
    record: async (action) => {
      last = Math.max(last, Date.parse(action.at));
      recorded.push({ action: { ...action }, time: last, seq: recorded.length });
    },
    actions: async (id) =>
      recorded
        .filter(({ action }) => action.issueId === id)
        .sort((a, b) => a.time - b.time || a.seq - b.seq)
        .map(({ action: { issueId, action, by, at, from, to } }) => ({
          issueId,
          action,
          by,
          at,
          ...(from && to ? { from, to } : {}),
        })),
  };
};
