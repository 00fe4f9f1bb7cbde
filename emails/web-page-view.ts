import type { Issue, Track } from '../shared/domain/issue.ts';
import { archiveFeedUrls } from '../shared/domain/public-urls.ts';
import type { EmailLinks } from '../shared/ports/email-renderer.ts';
import { playlistJsonLd, scriptSafeJson } from './playlist-json-ld.ts';
import { labelled, type UiStrings } from './strings.ts';
import { type EmbedPlatform, trackEmbed } from './track-embeds.ts';

type Player = { name: string; height: number; allow: string };

// Sizes and permissions each platform's own embed code asks for (a track player, not a playlist one).
const PLAYERS: Record<EmbedPlatform, Player> = {
  spotify: {
    name: 'Spotify',
    height: 152,
    allow: 'autoplay; clipboard-write; encrypted-media; fullscreen; picture-in-picture',
  },
  deezer: { name: 'Deezer', height: 150, allow: 'encrypted-media; clipboard-write' },
  youtube: {
    name: 'YouTube',
    height: 315,
    allow:
      'accelerometer; autoplay; clipboard-write; encrypted-media; gyroscope; picture-in-picture; web-share',
  },
};

export type PlayerView = {
  platform: EmbedPlatform;
  /** The platform's name, for words: "Écouter « … » sur Deezer". */
  platformName: string;
  src: string;
  title: string;
  height: number;
  allow: string;
};

/** The embedded player of a track on the web page, or null when its link names no track we can embed. */
export const playerView = (track: Track, issue: Pick<Issue, 'language'>): PlayerView | null => {
  const embed = trackEmbed(track.url);
  if (!embed) return null;
  const player = PLAYERS[embed.platform];
  return {
    platform: embed.platform,
    platformName: player.name,
    src: embed.src,
    title: labelled(issue.language, player.name, `${track.artist} – ${track.title}`),
    height: player.height,
    allow: player.allow,
  };
};

/** The archive's index is the parent of an issue's page: /archive for /archive/34-chambre-en-provence. */
const archiveIndexOf = (archiveUrl: string): string => archiveUrl.replace(/\/[^/]*$/, '');

/**
 * What only the public page has: the social card (Open Graph, Twitter), the playlist as JSON-LD, the feeds.
 * All of it is decided here, once per revision, so the page is served as stored.
 */
export const webPageView = (
  issue: Issue,
  links: EmailLinks,
  page: { title: string; description: string; seriesName: string; strings: UiStrings },
) => {
  const index = archiveIndexOf(links.archiveUrl);
  const feeds = archiveFeedUrls(index);
  return {
    og: {
      title: page.title,
      locale: page.strings.locale.replace('-', '_'),
      twitterCard: issue.cover ? 'summary_large_image' : 'summary',
    },
    publishedTime: issue.sunday,
    archiveIndexUrl: index,
    rssUrl: feeds.rss,
    atomUrl: feeds.atom,
    jsonLd: scriptSafeJson(
      playlistJsonLd(issue, {
        url: links.archiveUrl,
        description: page.description,
        seriesName: page.seriesName,
      }),
    ),
  };
};
