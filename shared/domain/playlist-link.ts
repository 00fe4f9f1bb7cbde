export type PlaylistPlatform = 'deezer' | 'spotify' | 'youtube';

/**
 * A whole playlist on a platform we can embed, from any of its addresses (share link, embed widget).
 * Stored as the canonical address; the player's address is built from a constant prefix and the parsed id,
 * never from the author's URL.
 */
export type PlaylistLink = { platform: PlaylistPlatform; id: string; url: string; embedSrc: string };

const DEEZER = /^\/(?:[a-z]{2}\/)?playlist\/([1-9]\d{0,14})$/;
const DEEZER_WIDGET = /^\/widget\/[a-z]+\/playlist\/([1-9]\d{0,14})$/;
const SPOTIFY = /^\/(?:intl-[a-z]{2}(?:-[a-z]{2,4})?\/)?(?:embed\/)?playlist\/([0-9A-Za-z]{22})$/;
const YOUTUBE_LIST = /^([A-Za-z0-9_-]{10,64})$/;

const deezer = (id: string): PlaylistLink => ({
  platform: 'deezer',
  id,
  url: `https://www.deezer.com/playlist/${id}`,
  embedSrc: `https://widget.deezer.com/widget/auto/playlist/${id}`,
});
const spotify = (id: string): PlaylistLink => ({
  platform: 'spotify',
  id,
  url: `https://open.spotify.com/playlist/${id}`,
  embedSrc: `https://open.spotify.com/embed/playlist/${id}`,
});
const youtube = (id: string): PlaylistLink => ({
  platform: 'youtube',
  id,
  url: `https://www.youtube.com/playlist?list=${id}`,
  embedSrc: `https://www.youtube-nocookie.com/embed/videoseries?list=${id}`,
});

const YOUTUBE_HOSTS = ['www.youtube.com', 'youtube.com', 'm.youtube.com', 'music.youtube.com'];
const YOUTUBE_EMBED_HOSTS = [...YOUTUBE_HOSTS, 'www.youtube-nocookie.com'];

const fromUrl = (url: URL): PlaylistLink | undefined => {
  const host = url.hostname;
  const path = url.pathname.replace(/\/+$/, '');
  const found = (pattern: RegExp, value: string) => pattern.exec(value)?.[1];
  if (host === 'www.deezer.com' || host === 'deezer.com') {
    const id = found(DEEZER, path);
    return id ? deezer(id) : undefined;
  }
  if (host === 'widget.deezer.com') {
    const id = found(DEEZER_WIDGET, path);
    return id ? deezer(id) : undefined;
  }
  if (host === 'open.spotify.com') {
    const id = found(SPOTIFY, path);
    return id ? spotify(id) : undefined;
  }
  const list = found(YOUTUBE_LIST, url.searchParams.get('list') ?? '');
  if (!list) return undefined;
  if (YOUTUBE_HOSTS.includes(host) && path === '/playlist') return youtube(list);
  if (YOUTUBE_EMBED_HOSTS.includes(host) && (path === '/embed/videoseries' || path === '/embed'))
    return youtube(list);
  return undefined;
};

export const playlistLink = (raw: string): PlaylistLink | undefined => {
  const trimmed = raw.trim();
  if (!URL.canParse(trimmed)) return undefined;
  const url = new URL(trimmed);
  if (url.protocol !== 'https:' || url.port !== '' || url.username !== '' || url.password !== '') {
    return undefined;
  }
  return fromUrl(url);
};
