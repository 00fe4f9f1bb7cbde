import { createHash } from 'node:crypto';
import { PLATFORMS, type Platform } from '../platforms.ts';
import type { IssueWarning } from './issue-warning.ts';

type Kind = IssueWarning['kind'];

/**
 * One kind of problem and every warning of it, worst kind first. `count` is its number of warnings (one a
 * track, or the cover): the number the studio, the preview banner, the test mail and the author's mails all
 * show, so that they add up to the same total. "Not on Bandcamp" comes once per track and one platform often
 * lacks half the playlist: that kind is also folded, in `missing`, per platform into the tracks that lack it.
 */
export type WarningGroup<W extends IssueWarning = IssueWarning> = {
  kind: Kind;
  count: number;
  /** In playlist order, the issue's cover first. */
  warnings: W[];
  /** missing_platforms only (empty otherwise): each platform, in the platforms' order, and its tracks. */
  missing: { platform: Platform; positions: number[] }[];
};

/** What needs her first: a dead link breaks a reader's click, a platform missing only sends them to song.link. */
export const WARNING_ORDER: readonly Kind[] = [
  'non_public_address',
  'dead_link',
  'dead_cover',
  'unresolved',
  'unreachable_link',
  'repeated_track',
  'missing_platforms',
];

const byPosition = (a: IssueWarning, b: IssueWarning) => (a.position ?? 0) - (b.position ?? 0);

const missingOf = (warnings: readonly IssueWarning[]): WarningGroup['missing'] =>
  PLATFORMS.flatMap((platform) => {
    const positions = warnings.flatMap((w) =>
      w.kind === 'missing_platforms' && w.platforms.includes(platform) ? [w.position] : [],
    );
    return positions.length > 0 ? [{ platform, positions }] : [];
  });

/** The one grouping of an issue's warnings, for every place she reads them. */
export const groupWarnings = <W extends IssueWarning>(warnings: readonly W[]): WarningGroup<W>[] =>
  WARNING_ORDER.flatMap((kind): WarningGroup<W>[] => {
    const own = warnings.filter((w) => w.kind === kind).sort(byPosition);
    if (own.length === 0) return [];
    return [
      { kind, count: own.length, warnings: own, missing: kind === 'missing_platforms' ? missingOf(own) : [] },
    ];
  });

/** The total she reads everywhere: every warning once, whatever its kind. */
export const warningTotal = (groups: readonly WarningGroup<IssueWarning>[]): number =>
  groups.reduce((sum, group) => sum + group.count, 0);

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
