/** Music platforms a reader may prefer; the music features later link tracks to this one first. */
export const PLATFORMS = [
  'spotify',
  'apple-music',
  'deezer',
  'youtube-music',
  'tidal',
  'qobuz',
  'bandcamp',
] as const;

export type Platform = (typeof PLATFORMS)[number];

export const isPlatform = (value: string): value is Platform =>
  (PLATFORMS as readonly string[]).includes(value);
