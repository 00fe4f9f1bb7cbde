import type { Platform } from '../../domain/platforms.ts';
import type { ResolveOutcome } from '../../ports/link-resolver.ts';

/**
 * Odesli's names for the platforms we offer. Its other keys (itunes, youtube, amazonStore, pandora, napster…)
 * are left out: `itunes` and `amazonStore` are shops, and a plain YouTube video is not a YouTube Music track.
 */
export const ODESLI_PLATFORMS: Record<string, Platform> = {
  spotify: 'spotify',
  appleMusic: 'apple-music',
  deezer: 'deezer',
  youtubeMusic: 'youtube-music',
  tidal: 'tidal',
  amazonMusic: 'amazon-music',
  soundcloud: 'soundcloud',
  bandcamp: 'bandcamp',
};

type Entity = { title?: unknown; artistName?: unknown; thumbnailUrl?: unknown };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Links reach a mail and a web page: anything but an absolute https URL is dropped. */
const httpsUrl = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined;
  try {
    return new URL(value).protocol === 'https:' ? value : undefined;
  } catch {
    return undefined;
  }
};

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

/**
 * A 200 answer of `GET /v1-alpha.1/links`: `pageUrl` (the song.link page), `linksByPlatform` (each with a
 * `url`), and `entitiesByUniqueId`, where the entity named by `entityUniqueId` describes the song asked about.
 * An answer without a usable `pageUrl` is unreadable: the universal link is what every mail falls back to.
 */
export const outcomeOfAnswer = (body: unknown): ResolveOutcome => {
  if (!isObject(body)) return { kind: 'unavailable', detail: 'the answer is not a JSON object' };
  const pageUrl = httpsUrl(body.pageUrl);
  if (!pageUrl) return { kind: 'unavailable', detail: 'the answer has no https pageUrl' };

  const links: Partial<Record<Platform, string>> = {};
  const byPlatform = isObject(body.linksByPlatform) ? body.linksByPlatform : {};
  for (const [key, platform] of Object.entries(ODESLI_PLATFORMS)) {
    const entry = byPlatform[key];
    const url = isObject(entry) ? httpsUrl(entry.url) : undefined;
    if (url) links[platform] = url;
  }

  const entities = isObject(body.entitiesByUniqueId) ? body.entitiesByUniqueId : {};
  const id = typeof body.entityUniqueId === 'string' ? body.entityUniqueId : undefined;
  const entity: Entity = (id !== undefined && isObject(entities[id]) ? entities[id] : {}) as Entity;
  const artist = text(entity.artistName);
  const title = text(entity.title);
  const thumbnailUrl = httpsUrl(entity.thumbnailUrl);
  return {
    kind: 'resolved',
    pageUrl,
    links,
    ...(artist ? { artist } : {}),
    ...(title ? { title } : {}),
    ...(thumbnailUrl ? { thumbnailUrl } : {}),
  };
};

/** Odesli's codes for "no song at that URL" (it answers them with 400 as well as 404). */
const NOT_FOUND_CODES = new Set(['could_not_resolve_entity', 'could_not_fetch_entity_data']);

export const isNotFoundAnswer = (status: number, body: unknown): boolean =>
  status === 404 ||
  (status === 400 && isObject(body) && typeof body.code === 'string' && NOT_FOUND_CODES.has(body.code));
