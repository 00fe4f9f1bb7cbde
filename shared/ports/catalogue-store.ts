import type { IssueId } from '../domain/issue.ts';

/** One track of one issue under one identity key (`isrc:…` or `name:…`): what "featured before" is looked up by. */
export type CatalogueEntry = {
  key: string;
  issueId: IssueId;
  series: number;
  sunday: string;
  position: number;
  artist: string;
  title: string;
};

export type CatalogueStore = {
  findByKeys: (keys: readonly string[]) => Promise<CatalogueEntry[]>;
  /** The issue's entries become exactly `entries` (a revision that drops a track drops its entries). */
  replaceForIssue: (issueId: IssueId, entries: readonly CatalogueEntry[]) => Promise<void>;
};
