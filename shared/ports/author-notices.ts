import type { CampaignCounts } from '../domain/campaign.ts';
import type { HealthItem } from '../domain/deliverability/health-item.ts';
import type { Issue, Track } from '../domain/issue.ts';
import type { IssueWarning } from '../domain/music/issue-warning.ts';
import type { MostPlayed } from '../domain/music/most-played.ts';
import type { SocialNetwork } from '../domain/social/networks.ts';
import type { SocialAttempt } from '../domain/social/social-attempt.ts';

/** How the author knows an issue: its number and title (never its id), its Sunday, and its tracks' names. */
export type NoticeIssue = Pick<Issue, 'series' | 'title' | 'sunday'> & {
  tracks: readonly Pick<Track, 'position' | 'artist' | 'title'>[];
};

export const noticeIssue = (issue: Pick<Issue, 'series' | 'title' | 'sunday' | 'tracks'>): NoticeIssue => ({
  series: issue.series,
  title: issue.title,
  sunday: issue.sunday,
  tracks: issue.tracks.map(({ position, artist, title }) => ({ position, artist, title })),
});

/** One network's line in the report: the post's link once known, else where it stands (none: no outcome). */
export type ReportedPost = {
  network: SocialNetwork;
  attempt?: Pick<SocialAttempt, 'state' | 'postUrl' | 'detail'>;
};

/**
 * What the author is told, as facts: the words, the language, the dates' zone and the links to the studio
 * are the mail renderer's business, so every use case says the same thing the same way.
 */
export type AuthorNotice =
  | {
      kind: 'campaign_report';
      issue: NoticeIssue;
      startedAt: string;
      finishedAt: string;
      counts: CampaignCounts;
      posts: ReportedPost[];
      pick?: MostPlayed;
      previous?: { series: number; pick: MostPlayed };
      /** SES's daily quota paused it: when it was first to resume. */
      pausedUntil?: string;
    }
  /** The warning set changed (on receipt of a post): every warning of the issue, not only the new ones. */
  | { kind: 'warnings'; issue: NoticeIssue; warnings: IssueWarning[] }
  /**
   * The day before (`at`, when it was checked): what goes out, to how many, at what time (`sendAt`), and what
   * still has a warning.
   */
  | {
      kind: 'eve_reminder';
      issue: NoticeIssue;
      at: string;
      sendAt: string;
      audience: number;
      warnings: IssueWarning[];
      /** The account's failing deliverability checks, from their last run (none when all pass). */
      deliverability?: HealthItem[];
      /** Enabled networks that will not post (not connected, to reconnect, a token dying before the send). */
      silentNetworks?: { network: SocialNetwork; why: 'not_connected' | 'to_reconnect' | 'expires' }[];
    }
  /** The day before, and no issue is due: nothing will go out unless she posts one. */
  | { kind: 'nothing_due'; sunday: string; at: string; sendAt: string }
  | { kind: 'too_late'; issue: NoticeIssue; deadline: string }
  | { kind: 'not_rendered'; issue: NoticeIssue }
  /** SES's daily quota ran out: the campaign waits, then goes on by itself. */
  | { kind: 'quota_paused'; issue: NoticeIssue; resumeAt: string; counts: CampaignCounts }
  | { kind: 'social_needs_reconnect'; issue: NoticeIssue; network: SocialNetwork; reason: string }
  /** A connected account turned "à reconnecter" (refused, or dead and not refreshable): once per break. */
  | { kind: 'account_to_reconnect'; network: SocialNetwork; label: string }
  | { kind: 'social_failed'; issue: NoticeIssue; network: SocialNetwork; detail: string }
  /** The call's outcome is unknown and the network may not be asked twice: she checks by hand. */
  | { kind: 'social_unconfirmed'; issue: NoticeIssue; network: SocialNetwork; detail: string }
  /** Her blog's feed could not be read `failures` polls in a row: new posts do not come in. */
  | { kind: 'feed_unreadable'; url: string; failures: number; detail: string; notPublic?: true }
  /**
   * Her blog's API, asked for a post (a notification, a feed entry), led to `url`, an address that is not public:
   * nothing was fetched from it.
   */
  | { kind: 'blog_not_public'; url: string };

export type AuthorNoticeKind = AuthorNotice['kind'];

export type AuthorNotifier = { notify: (notice: AuthorNotice) => Promise<void> };
