import type { SocialNetwork } from './social/networks.ts';

/** The weekly post, as the author wrote it: what a webhook carries once validated and sanitised. */
export type Language = 'fr' | 'en';

export type Track = {
  position: number;
  artist: string;
  title: string;
  url: string;
  album?: string;
  durationSeconds?: number;
  coverUrl?: string;
  /** The recording's ISRC when the author gives it: the surest way to tell a track was featured before. */
  isrc?: string;
};

export type CoverImage = { url: string; alt: string };

export type IssueContent = {
  series: number;
  title: string;
  subtitle?: string;
  /** Sanitised HTML: see `sanitiseStoryHtml`. */
  storyHtml: string;
  tracks: Track[];
  cover?: CoverImage;
  language: Language;
  /** ISO date (YYYY-MM-DD) of the Sunday the issue goes out, in the newsletter's timezone. */
  sunday: string;
  /** Where the author published it first (e.g. the WordPress permalink). */
  sourceUrl?: string;
  /** The author's own announcement for a network, in place of the generated one (the issue's address is added). */
  socialText?: Partial<Record<SocialNetwork, string>>;
  /** The whole playlist on a platform that embeds it (see `playlistLink`): a button in the mail, a player on the page. */
  playlistUrl?: string;
};

/**
 * received: stored, not rendered yet; rendered: ready to send; sending/sent belong to the Sunday campaign.
 * Once an issue is sending or sent, its content is frozen.
 */
export type IssueStatus = 'received' | 'rendered' | 'sending' | 'sent';

export type IssueId = `iss_${number}`;

export type Issue = IssueContent & {
  id: IssueId;
  slug: string;
  status: IssueStatus;
  revision: number;
  /** Revision whose rendered email is stored, if any. */
  renderedRevision?: number;
  /** Which track links that render carries (`IssueLinks.version`): a track resolved since makes it stale. */
  renderedLinks?: string;
  contentHash: string;
  createdAt: string;
  updatedAt: string;
};

export const FROZEN_STATUSES: readonly IssueStatus[] = ['sending', 'sent'];

export const issueIdFor = (series: number): IssueId => `iss_${series}`;

export const parseIssueId = (raw: string): IssueId | undefined => {
  const match = /^iss_([1-9]\d{0,8})$/.exec(raw);
  return match ? issueIdFor(Number(match[1])) : undefined;
};

export const seriesOf = (id: IssueId): number => Number(id.slice('iss_'.length));
