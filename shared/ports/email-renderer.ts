import type { Issue } from '../domain/issue.ts';
import type { RenderedIssue } from '../domain/rendered-email.ts';

export type EmailLinks = { archiveUrl: string };

/** Turns an issue into the email every recipient gets (placeholders left for personalisation) and its web page. */
export type EmailRenderer = { renderIssue: (issue: Issue, links: EmailLinks) => Promise<RenderedIssue> };
