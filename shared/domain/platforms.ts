/**
 * Music platforms a reader may prefer and a track may be resolved to. The list is what the song.link (Odesli)
 * API answers for: a platform it never returns would show every track as missing.
 */
export const PLATFORMS = [
  'spotify',
  'apple-music',
  'deezer',
  'youtube-music',
  'tidal',
  'amazon-music',
  'soundcloud',
  'bandcamp',
] as const;

export type Platform = (typeof PLATFORMS)[number];

export const isPlatform = (value: string): value is Platform =>
  (PLATFORMS as readonly string[]).includes(value);

export const PLATFORM_NAMES: Record<Platform, string> = {
  spotify: 'Spotify',
  'apple-music': 'Apple Music',
  deezer: 'Deezer',
  'youtube-music': 'YouTube Music',
  tidal: 'Tidal',
  'amazon-music': 'Amazon Music',
  soundcloud: 'SoundCloud',
  bandcamp: 'Bandcamp',
};

/**
 * Which links a mail leads with: a platform, or `universal`, the song.link page listing every platform (the
 * default, and what a reader whose platform lacks a track gets for that track).
 */
export type LinkVariant = 'universal' | Platform;

export const LINK_VARIANTS: readonly LinkVariant[] = ['universal', ...PLATFORMS];

/** A stored preference may name a platform we no longer offer: that reader gets the universal links. */
export const variantFor = (preferred: string | undefined): LinkVariant =>
  preferred !== undefined && isPlatform(preferred) ? preferred : 'universal';
