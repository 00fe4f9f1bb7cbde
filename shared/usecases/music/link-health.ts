import type { Issue } from '../../domain/issue.ts';
import type { IssueWarning } from '../../domain/music/issue-warning.ts';
import type { LinkCheck, LinkChecker } from '../../ports/link-checker.ts';

/** One place a URL is used in an issue: a track's link, a track's cover, or (no position) the issue's cover. */
type Use = { what: 'link' | 'cover'; position?: number };

/** Every URL the mail leads to or loads, each with the places it is used: a URL shared by two tracks is one check. */
export const linkTargets = (issue: Pick<Issue, 'tracks' | 'cover'>): Map<string, Use[]> => {
  const targets = new Map<string, Use[]>();
  const add = (url: string, use: Use) => targets.set(url, [...(targets.get(url) ?? []), use]);
  if (issue.cover) add(issue.cover.url, { what: 'cover' });
  for (const track of issue.tracks) {
    add(track.url, { what: 'link', position: track.position });
    if (track.coverUrl) add(track.coverUrl, { what: 'cover', position: track.position });
  }
  return targets;
};

/** Checks each URL once, at most `concurrency` at a time (a playlist links the same few hosts over and over). */
export const checkAll = async (
  urls: readonly string[],
  checker: LinkChecker,
  concurrency: number,
  /** When to stop starting checks (epoch ms): the worker's own timeout must not eat the whole report. */
  deadline: { at: number; now: () => number } = { at: Number.POSITIVE_INFINITY, now: Date.now },
): Promise<Map<string, LinkCheck>> => {
  const results = new Map<string, LinkCheck>();
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const url = urls[next++] as string;
      results.set(
        url,
        deadline.now() < deadline.at
          ? await checker.check(url)
          : { kind: 'unreachable', detail: 'not checked: too many slow links before it' },
      );
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, urls.length)) }, worker));
  return results;
};

const warningFor = (url: string, use: Use, check: LinkCheck): IssueWarning | undefined => {
  if (check.kind === 'ok') return undefined;
  if (check.kind === 'not_public')
    return {
      kind: 'non_public_address',
      ...(use.position === undefined ? {} : { position: use.position }),
      url,
      detail: check.detail,
      ...(use.what === 'cover' ? { cover: true as const } : {}),
    };
  // The warning union has no "unreachable cover": an image that does not load in time is as missing from the
  // mail as one that is gone; the detail tells which.
  if (use.what === 'cover')
    return {
      kind: 'dead_cover',
      ...(use.position === undefined ? {} : { position: use.position }),
      url,
      detail: check.detail,
    };
  const position = use.position ?? 0;
  return check.kind === 'dead'
    ? { kind: 'dead_link', position, url, detail: check.detail }
    : { kind: 'unreachable_link', position, url, detail: check.detail };
};

/** Issue cover first, then by track, a track's link before its cover. */
const isCover = (w: IssueWarning) => w.kind === 'dead_cover' || (w.kind === 'non_public_address' && w.cover);
const order = (w: IssueWarning) => (w.position ?? 0) * 2 + (isCover(w) ? 1 : 0);

export const healthWarnings = (targets: Map<string, Use[]>, checks: Map<string, LinkCheck>): IssueWarning[] =>
  [...targets]
    .flatMap(([url, uses]) => {
      const check = checks.get(url);
      return check ? uses.map((use) => warningFor(url, use, check)) : [];
    })
    .filter((w): w is IssueWarning => w !== undefined)
    .sort((a, b) => order(a) - order(b));
