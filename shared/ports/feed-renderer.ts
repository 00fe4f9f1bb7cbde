import type { Issue } from '../domain/issue.ts';

/** The archive's two feeds as XML documents, ready to serve. */
export type ArchiveFeeds = { rss: string; atom: string };
export type FeedFormat = keyof ArchiveFeeds;

/**
 * Builds the feeds from the issues they list, newest first. Like MJML, the feed library stays out of the
 * public function: the feeds are built by the render step and stored (see `refreshArchiveFeeds`).
 */
export type FeedRenderer = { renderFeeds: (issues: readonly [Issue, ...Issue[]]) => ArchiveFeeds };
