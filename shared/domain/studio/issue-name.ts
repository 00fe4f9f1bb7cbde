import { type Issue, type IssueId, issueIdFor } from '../issue.ts';

/** "#34 — Chambre en Provence": how she names an issue. */
export const issueName = (issue: Pick<Issue, 'series' | 'title'>) => `#${issue.series} — ${issue.title}`;

/** The issue an address names by its number ("34"); none for anything else, so no odd key reaches a store. */
export const issueIdOfNumber = (raw: string): IssueId | undefined =>
  /^[1-9]\d{0,8}$/.test(raw) ? issueIdFor(Number(raw)) : undefined;
