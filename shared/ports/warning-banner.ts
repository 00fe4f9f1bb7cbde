import type { Issue } from '../domain/issue.ts';
import type { MailSize } from '../domain/mail-size.ts';
import type { IssueWarning } from '../domain/music/issue-warning.ts';
import type { BannerText } from '../domain/music/warning-banner.ts';

/** Writes the banner in AUTHOR_LANGUAGE (emails/author-banner.ts); nothing to say, no banner. */
export type WarningBannerWriter = (input: {
  issue: Pick<Issue, 'series' | 'title' | 'sunday' | 'tracks' | 'revision'>;
  /** `revision`: the one the check looked at; older than the issue's, the line says the post changed since. */
  warnings: readonly (IssueWarning & { revision?: number })[];
  size?: MailSize;
}) => BannerText | undefined;
