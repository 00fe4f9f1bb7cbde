import type { Track } from '../issue.ts';
import { PLATFORM_NAMES } from '../platforms.ts';
import type { IssueWarning } from './issue-warning.ts';

type KnownTrack = Pick<Track, 'position' | 'artist' | 'title'>;

/** "Track 3, Air – La femme d’argent", or "Track 3" when the issue no longer has that position. */
const trackLabel = (position: number, tracks: readonly KnownTrack[]): string => {
  const track = tracks.find((t) => t.position === position);
  return track ? `Track ${position}, ${track.artist} – ${track.title}` : `Track ${position}`;
};

const platformList = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

const problem = (warning: IssueWarning): string => {
  switch (warning.kind) {
    case 'dead_link':
      return `the link is dead (${warning.detail}): ${warning.url}`;
    case 'unreachable_link':
      return `the link could not be reached (${warning.detail}), maybe only for now: ${warning.url}`;
    case 'dead_cover':
      return `the cover image cannot be loaded (${warning.detail}): ${warning.url}`;
    case 'non_public_address':
      return `not a public address, never fetched (${warning.detail}): ${warning.url}`;
    case 'missing_platforms':
      return `not found on ${platformList(warning.platforms.map((p) => PLATFORM_NAMES[p]))}; readers who prefer ${warning.platforms.length === 1 ? 'it' : 'them'} get the song.link page`;
    case 'unresolved':
      return `no links to other platforms (${warning.detail}); the mail carries your link only: ${warning.url}`;
    case 'repeated_track': {
      const { earlier } = warning;
      const how = warning.match === 'isrc' ? 'same ISRC' : 'same artist and title';
      return `already in #${earlier.series} of ${earlier.sunday}, track ${earlier.position} (${how})`;
    }
  }
};

/**
 * One plain line per warning, for the author's note, the preview banner and the test mail. Titles are the
 * author's own text, kept as written (accents, curly apostrophes); escaping is the job of whoever puts the
 * line in HTML.
 */
export const describeWarning = (warning: IssueWarning, tracks: readonly KnownTrack[] = []): string => {
  const where =
    warning.position === undefined
      ? 'Issue cover'
      : `${trackLabel(warning.position, tracks)}${warning.kind === 'dead_cover' || (warning.kind === 'non_public_address' && warning.cover) ? ' (track cover)' : ''}`;
  return `${where}: ${problem(warning)}`;
};
