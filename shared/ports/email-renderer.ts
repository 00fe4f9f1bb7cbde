import type { Issue } from '../domain/issue.ts';
import type { RenderedIssue } from '../domain/rendered-email.ts';

import type { TrackLinkSet } from '../domain/music/track-link-sets.ts';

/**
 * `tracks`: each track's click links; with them the email leads with each reader's platform (one variant per
 * platform some track is on), without them every card links the author's URL as it is.
 */
export type EmailLinks = { archiveUrl: string; tracks?: readonly TrackLinkSet[] };

/**
 * Turns an issue into the email readers get, once per reader language (slots recorded for each reader's
 * links), and its web page.
 */
export type EmailRenderer = { renderIssue: (issue: Issue, links: EmailLinks) => Promise<RenderedIssue> };
