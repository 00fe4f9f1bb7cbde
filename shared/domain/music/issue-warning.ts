import type { IssueId } from '../issue.ts';
import type { Platform } from '../platforms.ts';

/**
 * Something the author should look at before Sunday. Warnings never block a send: a dead link is the author's
 * call to fix or keep. `position` is the track's position in the playlist; none means the issue's cover.
 */
export type IssueWarning =
  /** The server answered that the page is gone (404, 410) or refused it for good. */
  | { kind: 'dead_link'; position: number; url: string; detail: string }
  /** No usable answer within the timeout (DNS, connection, 5xx, too many redirects): maybe only today. */
  | { kind: 'unreachable_link'; position: number; url: string; detail: string }
  | { kind: 'dead_cover'; position?: number; url: string; detail: string }
  /**
   * Never fetched: the link or image (`cover`), or a redirect on its way, leads to an address that is not
   * public (127.0.0.1, 10.…, 169.254.169.254): a reader cannot open it, and the checker must not.
   */
  | { kind: 'non_public_address'; position?: number; url: string; detail: string; cover?: true }
  /** Resolved, but these platforms have no link: readers who prefer them get the song.link page. */
  | { kind: 'missing_platforms'; position: number; platforms: Platform[] }
  /** The resolver found no song at the author's link, or gave up: the mail carries the author's link only. */
  | { kind: 'unresolved'; position: number; url: string; detail: string }
  /** Already featured: same ISRC, or the same artist and title once normalised. */
  | {
      kind: 'repeated_track';
      position: number;
      match: 'isrc' | 'artist_title';
      earlier: { issueId: IssueId; series: number; sunday: string; position: number };
    };

/** Who found the warnings: each source replaces its own list, so a new check does not erase another's. */
export type WarningSource = 'catalogue' | 'health' | 'resolution';

export type WarningReport = {
  source: WarningSource;
  /** The revision the check looked at: a report on an older revision is shown as such. */
  revision: number;
  checkedAt: string;
  warnings: IssueWarning[];
};
