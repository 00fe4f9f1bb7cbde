import type { Issue, IssueId, IssueStatus } from '../domain/issue.ts';
import type { RenderedIssue } from '../domain/rendered-email.ts';
import type { SundayClaim } from '../domain/sunday-claim.ts';
import type { ArchiveFeeds, FeedFormat } from './feed-renderer.ts';

/** Where an issue stands in Sunday order (the series number breaks a tie): a page of the archive resumes from one. */
/** A feed document and the instant its render step built it. */
export type StoredFeed = {
  xml: string;
  builtAt: string;
  /** The issues it lists; absent on feeds stored before it was kept. */
  listed?: IssueId[];
};

export type SundayPosition = { sunday: string; series: number };

export type SaveRevisionResult =
  { ok: true } | { ok: false; error: 'revision_conflict' | 'frozen'; current?: Issue };

/** What the issue use cases need from storage; one implementation per runtime (DynamoDB, DynamoDB Local, dynalite). */
export type IssueStore = {
  get: (id: IssueId) => Promise<Issue | undefined>;
  /**
   * Writes `issue` if the stored one is still at `expectedRevision` (undefined: none stored yet)
   * and not frozen by a campaign. One conditional write: nothing is half-written.
   */
  saveRevision: (issue: Issue, expectedRevision: number | undefined) => Promise<SaveRevisionResult>;
  /** Stores the render of one revision, then marks the issue rendered if that revision is still current. */
  saveRender: (
    id: IssueId,
    revision: number,
    email: RenderedIssue,
    at: string,
  ) => Promise<{ current: boolean }>;
  getRender: (id: IssueId, revision: number) => Promise<RenderedIssue | undefined>;
  setStatus: (id: IssueId, from: IssueStatus, to: IssueStatus, at: string) => Promise<boolean>;
  /** Issues by Sunday, newest first. */
  listBySunday: (options: { limit: number; before?: string }) => Promise<Issue[]>;
  /**
   * One page of issues in Sunday order, newest first (or oldest first), starting after `from` (exclusive).
   * Every issue, published or not: what readers may see is the archive use cases' rule.
   */
  pageBySunday: (options: {
    limit: number;
    from?: SundayPosition;
    order?: 'newest_first' | 'oldest_first';
  }) => Promise<Issue[]>;
  /** The archive's feeds as they stand once this issue is the newest one published (built at render time). */
  saveFeeds: (id: IssueId, feeds: ArchiveFeeds, at: string, listed: readonly IssueId[]) => Promise<void>;
  /** With when it was built: a feed built before its issue was sent ahead of its Sunday is not the one to serve. */
  getFeed: (id: IssueId, format: FeedFormat) => Promise<StoredFeed | undefined>;
  /** Who holds a Sunday, if anyone claimed it (issues stored before claims existed have none). */
  sundayClaim: (sunday: string) => Promise<SundayClaim | undefined>;
  /**
   * One conditional write: succeeds when the Sunday is unclaimed or already this issue's, or, with `replacing`,
   * when the claim is still exactly that one (a stale claim taken over). false: someone else holds it.
   */
  claimSunday: (claim: SundayClaim, replacing?: SundayClaim) => Promise<boolean>;
  /** Lets a Sunday go, only if this issue still holds it. */
  releaseSunday: (sunday: string, id: IssueId) => Promise<boolean>;
};
