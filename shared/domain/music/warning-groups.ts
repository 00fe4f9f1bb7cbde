import { createHash } from 'node:crypto';
import { PLATFORMS, type Platform } from '../platforms.ts';
import type { IssueWarning } from './issue-warning.ts';

type Kind = IssueWarning['kind'];

/**
 * One kind of problem and every warning of it. "Not on Bandcamp" comes once per track and one platform often
 * lacks half the playlist: that kind is folded per platform into the track numbers that lack it.
 */
export type WarningGroup =
  | { kind: Exclude<Kind, 'missing_platforms'>; warnings: IssueWarning[] }
  | { kind: 'missing_platforms'; missing: { platform: Platform; positions: number[] }[] };

/** What needs her first: a dead link breaks a reader's click, a platform missing only sends them to song.link. */
const ORDER: readonly Kind[] = [
  'non_public_address',
  'dead_link',
  'dead_cover',
  'unresolved',
  'unreachable_link',
  'repeated_track',
  'missing_platforms',
];

const byPosition = (a: IssueWarning, b: IssueWarning) => (a.position ?? 0) - (b.position ?? 0);

export const groupWarnings = (warnings: readonly IssueWarning[]): WarningGroup[] =>
  ORDER.flatMap((kind): WarningGroup[] => {
    const own = warnings.filter((w) => w.kind === kind).sort(byPosition);
    if (own.length === 0) return [];
    if (kind !== 'missing_platforms') return [{ kind, warnings: own }];
    const missing = PLATFORMS.flatMap((platform) => {
      const positions = own.flatMap((w) =>
        w.kind === 'missing_platforms' && w.platforms.includes(platform) ? [w.position] : [],
      );
      return positions.length > 0 ? [{ platform, positions }] : [];
    });
    return [{ kind, missing }];
  });

/**
 * The warning set without details ("timed out" one day and "HTTP 503" the next are the same problem), in an
 * order that does not depend on who listed it: keys sorted, as an item read back from the table may carry its
 * attributes in another order than the check that wrote it.
 */
export const warningFingerprint = (warnings: readonly IssueWarning[]): string => {
  const lines = warnings.map(({ detail: _detail, ...rest }: IssueWarning & { detail?: string }) =>
    canonical(rest),
  );
  lines.sort();
  return createHash('sha256').update(lines.join('\n')).digest('base64url');
};

const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries = Object.entries(value)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
};
