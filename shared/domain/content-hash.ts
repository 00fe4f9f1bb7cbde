import { createHash } from 'node:crypto';
import type { IssueContent } from './issue.ts';

/** Stable across key order, so a re-sent identical post is recognised and makes no new revision. */
export const contentHash = (content: IssueContent): string =>
  createHash('sha256').update(canonicalJson(content)).digest('base64url');

const canonicalJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
};
