/**
 * A player for a track, from its link, when the link names one track on a platform we know how to embed.
 * The iframe address is built from a constant prefix and the parsed id, never from the author's URL: anything
 * that does not match exactly (another host, a port, credentials, a short link, an encoded path) has no player.
 */
export type EmbedPlatform = 'spotify' | 'deezer' | 'youtube';

export type TrackEmbed = { platform: EmbedPlatform; id: string; src: string };

type Rule = {
  platform: EmbedPlatform;
  hosts: readonly string[];
  /** The id from the path and query, or undefined. */
  id: (url: URL) => string | undefined;
  src: (id: string) => string;
};

const match = (pattern: RegExp, value: string): string | undefined => pattern.exec(value)?.[1];

// Spotify ids are 22 base-62 characters; links may carry a market prefix (/intl-fr/) and a share token (?si=).
const SPOTIFY_TRACK = /^\/(?:intl-[a-z]{2}(?:-[a-z]{2,4})?\/)?(?:embed\/)?track\/([0-9A-Za-z]{22})$/;
// Deezer track ids are decimal; links may carry a language (/fr/).
const DEEZER_TRACK = /^\/(?:[a-z]{2}\/)?track\/([1-9][0-9]{0,14})$/;
// YouTube video ids are 11 characters of the URL-safe base-64 alphabet.
const YOUTUBE_ID = /^([A-Za-z0-9_-]{11})$/;
const YOUTUBE_PATH = /^\/(?:embed|shorts|live)\/([A-Za-z0-9_-]{11})$/;

const youtubeId = (url: URL): string | undefined => {
  if (url.pathname === '/watch') return match(YOUTUBE_ID, url.searchParams.get('v') ?? '');
  return match(YOUTUBE_PATH, url.pathname);
};

const RULES: readonly Rule[] = [
  {
    platform: 'spotify',
    hosts: ['open.spotify.com'],
    id: (url) => match(SPOTIFY_TRACK, url.pathname),
    src: (id) => `https://open.spotify.com/embed/track/${id}`,
  },
  {
    platform: 'deezer',
    hosts: ['www.deezer.com', 'deezer.com'],
    id: (url) => match(DEEZER_TRACK, url.pathname),
    src: (id) => `https://widget.deezer.com/widget/auto/track/${id}`,
  },
  {
    platform: 'youtube',
    hosts: [
      'www.youtube.com',
      'youtube.com',
      'm.youtube.com',
      'music.youtube.com',
      'www.youtube-nocookie.com',
    ],
    id: youtubeId,
    src: (id) => `https://www.youtube-nocookie.com/embed/${id}`,
  },
  {
    platform: 'youtube',
    hosts: ['youtu.be'],
    id: (url) => match(/^\/([A-Za-z0-9_-]{11})$/, url.pathname),
    src: (id) => `https://www.youtube-nocookie.com/embed/${id}`,
  },
];

const parse = (raw: string): URL | undefined => {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
};

export const trackEmbed = (raw: string): TrackEmbed | undefined => {
  const url = parse(raw);
  if (!url || url.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '') {
    return undefined;
  }
  for (const rule of RULES) {
    if (!rule.hosts.includes(url.hostname)) continue;
    const id = rule.id(url);
    return id === undefined ? undefined : { platform: rule.platform, id, src: rule.src(id) };
  }
  return undefined;
};
