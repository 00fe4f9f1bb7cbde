import type { Issue } from '../shared/domain/issue.ts';
import { playlistLink } from '../shared/domain/playlist-link.ts';
import { labelled, type UiStrings } from './strings.ts';

const NAMES = { deezer: 'Deezer', spotify: 'Spotify', youtube: 'YouTube' } as const;
// Each platform's own playlist embed asks for these sizes and permissions.
const HEIGHTS = { deezer: 380, spotify: 380, youtube: 315 } as const;
const ALLOW = {
  deezer: 'encrypted-media; clipboard-write',
  spotify: 'autoplay; clipboard-write; encrypted-media; fullscreen; picture-in-picture',
  youtube:
    'accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share',
} as const;

export type WholePlaylistView = {
  url: string;
  label: string;
  /** Web page only: email clients block players. */
  player: { src: string; title: string; height: number; allow: string } | null;
};

/** The "listen to the whole playlist" button (mail) and player (page), when the post embedded one. */
export const wholePlaylistView = (
  issue: Pick<Issue, 'playlistUrl' | 'language'>,
  strings: UiStrings,
  web: boolean,
): WholePlaylistView | null => {
  const link = issue.playlistUrl ? playlistLink(issue.playlistUrl) : undefined;
  if (!link) return null;
  return {
    url: link.url,
    label: strings.wholePlaylist(NAMES[link.platform]),
    player: web
      ? {
          src: link.embedSrc,
          title: labelled(issue.language, NAMES[link.platform], strings.playlist),
          height: HEIGHTS[link.platform],
          allow: ALLOW[link.platform],
        }
      : null,
  };
};
