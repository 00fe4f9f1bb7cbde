import type { IssueWarning } from '../shared/domain/music/issue-warning.ts';
import { groupWarnings, warningTotal } from '../shared/domain/music/warning-groups.ts';
import { PLATFORM_NAMES } from '../shared/domain/platforms.ts';
import type { NoticeIssue } from '../shared/ports/author-notices.ts';
import type { AuthorFormat } from './author-format.ts';
import type { AuthorMailView } from './author-view.ts';

const where = (warning: IssueWarning, issue: NoticeIssue, f: AuthorFormat): string => {
  if (warning.position === undefined) return f.strings.issueCover;
  const track = issue.tracks.find((t) => t.position === warning.position);
  const label = f.strings.track(warning.position, track?.artist, track?.title);
  const cover = warning.kind === 'dead_cover' || (warning.kind === 'non_public_address' && warning.cover);
  return cover ? f.strings.trackCover(label) : label;
};

const line = (warning: IssueWarning, issue: NoticeIssue, f: AuthorFormat): string => {
  const at = where(warning, issue, f);
  const lines = f.strings.warningLine;
  switch (warning.kind) {
    case 'dead_link':
      return lines.dead_link(at, warning, '');
    case 'unreachable_link':
      return lines.unreachable_link(at, warning, '');
    case 'dead_cover':
      return lines.dead_cover(at, warning, '');
    case 'non_public_address':
      return lines.non_public_address(at, warning, '');
    case 'unresolved':
      return lines.unresolved(at, warning, '');
    case 'repeated_track':
      return lines.repeated_track(at, warning, f.sunday(warning.earlier.sunday));
    case 'missing_platforms':
      return at;
  }
};

type Listed = IssueWarning & { revision?: number };

/** The warnings as she reads them by mail and on her preview: the total, and a titled group a kind. */
export type WarningSummary = { total: number; groups: AuthorMailView['groups'] };

/**
 * The warnings, one group a kind (the grouping the studio shows), its title with its count, each with what to
 * do; "not on Bandcamp" one line a platform. A warning found on an earlier revision of the post says so.
 */
export const warningSummary = (
  warnings: readonly Listed[],
  issue: NoticeIssue & { revision?: number },
  f: AuthorFormat,
): WarningSummary => {
  const grouped = groupWarnings(warnings);
  const stale = (w: Listed) =>
    w.revision !== undefined && issue.revision !== undefined && w.revision < issue.revision
      ? ` (${f.strings.staleCheck})`
      : '';
  const groups = grouped.map((group) => {
    const title = f.strings.groupTitle[group.kind](f.count(group.count));
    const hint = f.strings.groupHint[group.kind];
    if (group.kind === 'missing_platforms') {
      const items = group.missing.map(({ platform, positions }) =>
        f.strings.missingLine(
          PLATFORM_NAMES[platform],
          f.count(positions.length),
          f.strings.list(positions.map(String)),
        ),
      );
      return { title, items, hint };
    }
    return { title, items: group.warnings.map((w) => `${line(w, issue, f)}${stale(w)}`), hint };
  });
  return { total: warningTotal(grouped), groups };
};
