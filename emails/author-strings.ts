import type { HealthText } from '../shared/domain/deliverability/health-item.ts';
import type { IssueWarning } from '../shared/domain/music/issue-warning.ts';
import type { SocialAttemptState } from '../shared/domain/social/social-attempt.ts';

/** Already formatted for the author's language and zone: names, dates, times, counts. */
export type Said = {
  /** "#34 — Chambre en Provence" */
  name: string;
  /** "dimanche 6 décembre 2026" */
  sunday: string;
};

/**
 * Every word of the mails to the author, one catalogue per language (author-strings-fr.ts, -en.ts). The
 * functions take values already formatted (numbers, dates) so the catalogue only arranges words.
 */
export type AuthorStrings = {
  /** BCP 47 tag for Intl: dates, times and numbers. */
  locale: string;
  /** "9 h", "9:00 AM": a clock time as the language writes it. */
  clock: (hour: number, minute: number) => string;
  /** "29 novembre 2026 à 9 h": a day in words and a clock time. */
  dayAt: (day: string, time: string) => string;
  kicker: string;
  footer: string;
  list: (items: readonly string[]) => string;
  track: (position: number, artist?: string, title?: string) => string;
  issueCover: string;
  trackCover: (track: string) => string;
  /** One warning of a listed kind; the per-platform kind is folded into `missingLine` instead. */
  warningLine: {
    [K in Exclude<IssueWarning['kind'], 'missing_platforms'>]: (
      track: string,
      w: Extract<IssueWarning, { kind: K }>,
      earlierSunday: string,
    ) => string;
  };
  /** "1 avertissement", "14 avertissements": the total the studio, the banner and every mail show. */
  warningCount: (count: string) => string;
  /** After a warning found on an earlier revision of the post. */
  staleCheck: string;
  groupTitle: Record<IssueWarning['kind'], (count: string) => string>;
  groupHint: Record<IssueWarning['kind'], string>;
  missingLine: (platform: string, count: string, positions: string) => string;
  /** The box on her preview and test mail, above the newsletter. */
  banner: {
    heading: (count: string) => string;
    /** No warning, but the mail is near Gmail's clip. */
    sizeOnly: string;
    size: (kilobytes: string, limit: string, clipped: boolean) => string;
  };
  warnings: {
    subject: (s: Said, count: string) => string;
    heading: (s: Said) => string;
    intro: (s: Said, count: string) => string;
    closing: string;
    button: string;
  };
  report: {
    subject: (s: Said, sent: string, audience: string) => string;
    heading: (s: Said) => string;
    intro: (s: Said, started: string, finished: string) => string;
    audience: string;
    delivered: string;
    failed: string;
    ambiguous: string;
    skipped: string;
    ambiguousHint: string;
    paused: (resume: string) => string;
    mostPlayed: (pick: string) => string;
    noClicks: string;
    previous: (series: number, pick: string) => string;
    pick: (track: string, clicks: string, split: string) => string;
    postsTitle: string;
    noNetworks: string;
    noOutcome: string;
    postState: Record<SocialAttemptState, string>;
    button: string;
  };
  eve: {
    subject: (when: string, s: Said, audience: string) => string;
    heading: (when: string, s: Said) => string;
    intro: (when: string, audience: string) => string;
    noWarnings: string;
    withWarnings: (count: string) => string;
    button: string;
    tomorrow: (time: string) => string;
    onDay: (day: string, time: string) => string;
    /** The account's failing deliverability checks (npm run doctor's), each line in her language. */
    deliverability: (count: string) => string;
    deliverabilityLine: (text: HealthText) => string;
    /** Enabled networks that will not post, each by its brand name, with what she can do. */
    silentNetworks: (count: number) => string;
    silentNetwork: (network: string, why: 'not_connected' | 'to_reconnect' | 'expires') => string;
  };
  nothingDue: {
    subject: (when: string) => string;
    heading: string;
    body: (sunday: string) => string;
    button: string;
  };
  tooLate: {
    subject: (s: Said) => string;
    heading: string;
    body: (s: Said, deadline: string) => string;
    button: string;
  };
  notRendered: { subject: (s: Said) => string; heading: string; body: (s: Said) => string; button: string };
  quota: {
    subject: (s: Said) => string;
    heading: string;
    body: (s: Said, sent: string, audience: string, resume: string) => string;
    button: string;
  };
  feed: {
    subject: string;
    heading: string;
    body: (failures: string, url: string, detail: string) => string[];
    /** Said first when the feed's address is not public: never read, and it never will be. */
    notPublic: (url: string) => string;
    button: string;
  };
  /** Her blog's API led to an address that is not public: that address, and that nothing was read from it. */
  blogNotPublic: { subject: string; heading: string; body: (url: string) => string[]; button: string };
  social: {
    reconnectSubject: (network: string) => string;
    reconnectHeading: (network: string) => string;
    reconnectBody: (network: string, reason: string, s: Said) => string[];
    /** A connected account that cannot be kept alive any more: before any post is refused. */
    accountSubject: (network: string) => string;
    accountBody: (network: string, label: string) => string[];
    reconnectButton: string;
    failedSubject: (network: string, s: Said) => string;
    failedBody: (network: string, detail: string, s: Said) => string[];
    unconfirmedSubject: (network: string, s: Said) => string;
    unconfirmedBody: (network: string, detail: string, s: Said) => string[];
    settingsButton: string;
    campaignButton: string;
  };
};
