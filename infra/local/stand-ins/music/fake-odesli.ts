import { createHash } from 'node:crypto';
import { fakeControl } from '../../social/fake-control.ts';
import {
  type FakeAnswer,
  type FakeNetwork,
  type FakeRequest,
  startFakeNetwork,
} from '../../social/fake-network.ts';

/** The keys of Odesli's `linksByPlatform` this fake answers with: ours, and shops we do not offer. */
export type OdesliKey =
  | 'spotify'
  | 'appleMusic'
  | 'itunes'
  | 'deezer'
  | 'youtube'
  | 'youtubeMusic'
  | 'tidal'
  | 'amazonMusic'
  | 'amazonStore'
  | 'soundcloud'
  | 'bandcamp';

export type FakeOdesliOptions = {
  port?: number;
  /** Requests to the links API per minute (a fixed window) before 429: 10, like the real API without a key. */
  ratePerMinute?: number;
  /** Platforms absent from every answer (the one the URL points at excepted), in place of the per-song rule. */
  missing?: readonly OdesliKey[];
};

/** One request to the API, as `GET /__fake/calls` lists it. */
export type OdesliCall = {
  at: string;
  url: string | null;
  userCountry: string | null;
  key: boolean;
  status: number;
};

const ARTISTS = ['Les Marées', 'Clémence Aubry', 'Nuit Blanche Club', 'Lou Villeneuve', 'Orchestre du Canal'];
const TITLES = [
  'Chambre en Provence',
  'Dimanche matin',
  'Les nuits bleues',
  'Café du port',
  'Ligne 7',
  'Mistral',
];
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Which platform a track URL is on, as Odesli names it; undefined for a host it does not know. */
const sourceOf = ({ hostname, pathname }: URL): OdesliKey | undefined => {
  const host = hostname.replace(/^www\./, '');
  if (host === 'open.spotify.com' && pathname.startsWith('/track/')) return 'spotify';
  if (host === 'music.apple.com') return 'appleMusic';
  if (host === 'deezer.com' || host === 'deezer.page.link') return 'deezer';
  if (host === 'music.youtube.com') return 'youtubeMusic';
  if (host === 'youtube.com' || host === 'youtu.be') return 'youtube';
  if (host === 'tidal.com' || host === 'listen.tidal.com') return 'tidal';
  if (host.startsWith('music.amazon.')) return 'amazonMusic';
  if (host === 'soundcloud.com') return 'soundcloud';
  if (host.endsWith('.bandcamp.com')) return 'bandcamp';
  return undefined;
};

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The same URL always gives the same song: ids, names and missing platforms all come from its hash. */
const songOf = (url: URL, country: string, missing: readonly OdesliKey[] | undefined) => {
  const source = sourceOf(url);
  if (!source) return undefined;
  const digest = createHash('sha256')
    .update(`${url.host}${url.pathname}${url.searchParams.get('v') ?? ''}`)
    .digest();
  const byte = (at: number) => digest[at % digest.length] ?? 0;
  const digits = (at: number, length: number) =>
    Array.from({ length }, (_, i) => String((byte(at + i) % 9) + (i === 0 ? 1 : 0))).join('');
  const base62 = (at: number, length: number) =>
    Array.from({ length }, (_, i) => BASE62[byte(at + i) % 62]).join('');
  const artist = ARTISTS[byte(0) % ARTISTS.length] ?? 'Les Marées';
  const title = TITLES[byte(1) % TITLES.length] ?? 'Dimanche matin';
  const video = url.searchParams.get('v') ?? base62(2, 11);
  const asin = `B0${base62(13, 8).toUpperCase()}`;
  const album = digits(21, 10);
  const links: Record<OdesliKey, string> = {
    spotify: `https://open.spotify.com/track/${base62(3, 22)}`,
    appleMusic: `https://geo.music.apple.com/${country.toLowerCase()}/album/_/${album}?i=${digits(5, 10)}&mt=1&app=music`,
    itunes: `https://geo.music.apple.com/${country.toLowerCase()}/album/_/${album}?i=${digits(5, 10)}&mt=1&app=itunes`,
    deezer: `https://www.deezer.com/track/${digits(7, 10)}`,
    youtube: `https://www.youtube.com/watch?v=${video}`,
    youtubeMusic: `https://music.youtube.com/watch?v=${video}`,
    tidal: `https://listen.tidal.com/track/${digits(9, 9)}`,
    amazonMusic: `https://music.amazon.com/albums/${asin}?trackAsin=B0${base62(17, 8).toUpperCase()}`,
    amazonStore: `https://amazon.com/dp/B0${base62(17, 8).toUpperCase()}`,
    soundcloud: `https://soundcloud.com/${slug(artist)}/${slug(title)}`,
    bandcamp: `https://${slug(artist).replaceAll('-', '')}.bandcamp.com/track/${slug(title)}`,
  };
  const b = byte(20);
  // What the real catalogue looks like: the big three almost always, Bandcamp and SoundCloud often absent.
  const absent = new Set<OdesliKey>(
    missing ??
      ([
        ...(b % 4 === 0 ? ['tidal'] : []),
        ...(b % 5 === 0 ? ['amazonMusic', 'amazonStore'] : []),
        ...(b % 2 === 1 ? ['soundcloud'] : []),
        ...(b % 3 !== 0 ? ['bandcamp'] : []),
      ] as OdesliKey[]),
  );
  absent.delete(source);
  links[source] = url.toString();
  const present = (Object.keys(links) as OdesliKey[]).filter((key) => !absent.has(key));
  return { source, id: digits(0, 12), artist, title, links, present };
};

const PROVIDERS: Record<OdesliKey, string> = {
  spotify: 'SPOTIFY',
  appleMusic: 'ITUNES',
  itunes: 'ITUNES',
  deezer: 'DEEZER',
  youtube: 'YOUTUBE',
  youtubeMusic: 'YOUTUBE',
  tidal: 'TIDAL',
  amazonMusic: 'AMAZON',
  amazonStore: 'AMAZON',
  soundcloud: 'SOUNDCLOUD',
  bandcamp: 'BANDCAMP',
};

/** The body of `GET /v1-alpha.1/links`, shaped like the real one (one entity per provider). */
const answerFor = (song: NonNullable<ReturnType<typeof songOf>>, country: string) => {
  const entityOf = (key: OdesliKey) => `${PROVIDERS[key]}_SONG::${song.id}`;
  const entities: Record<string, unknown> = {};
  for (const key of song.present)
    entities[entityOf(key)] ??= {
      id: song.id,
      type: 'song',
      title: song.title,
      artistName: song.artist,
      thumbnailUrl: `https://fake-odesli.invalid/covers/${song.id}-${PROVIDERS[key].toLowerCase()}.jpg`,
      thumbnailWidth: 640,
      thumbnailHeight: 640,
      apiProvider: PROVIDERS[key].toLowerCase(),
      platforms: song.present.filter((other) => PROVIDERS[other] === PROVIDERS[key]),
    };
  return {
    entityUniqueId: entityOf(song.source),
    userCountry: country,
    pageUrl: `https://song.link/${country.toLowerCase()}/s/${song.id}`,
    entitiesByUniqueId: entities,
    linksByPlatform: Object.fromEntries(
      song.present.map((key) => [key, { country, url: song.links[key], entityUniqueId: entityOf(key) }]),
    ),
  };
};

const error = (status: number, code: string): FakeAnswer => ({ status, body: { statusCode: status, code } });

/**
 * A stand-in for the song.link / Odesli API on 127.0.0.1: deterministic songs for Spotify, Apple Music,
 * Deezer, YouTube (Music), Tidal, Amazon Music, SoundCloud and Bandcamp URLs; 404 for a path containing
 * `unknown`; 400 `could_not_resolve_entity` for other hosts; its own per-minute limit with 429 and
 * Retry-After. Control API: `GET /__fake/calls`, `POST /__fake/next` (a status or `{ delayMs }` for the next
 * request), `POST /__fake/reset`.
 */
export const startFakeOdesli = async ({
  port = 0,
  ratePerMinute = 10,
  missing,
}: FakeOdesliOptions = {}): Promise<FakeNetwork> => {
  let calls: OdesliCall[] = [];
  let window = { start: 0, hits: 0 };
  const links = (request: FakeRequest): FakeAnswer => {
    const now = Date.now();
    const start = Math.floor(now / 60_000) * 60_000;
    if (window.start !== start) window = { start, hits: 0 };
    window.hits += 1;
    if (window.hits > ratePerMinute) {
      const headers = { 'retry-after': String(Math.max(1, Math.ceil((start + 60_000 - now) / 1000))) };
      return { ...error(429, 'too_many_requests'), headers };
    }
    const country = (request.query.get('userCountry') ?? 'US').toUpperCase();
    let url: URL;
    try {
      url = new URL(request.query.get('url') ?? '');
    } catch {
      return error(400, 'could_not_resolve_entity');
    }
    if (url.pathname.includes('unknown')) return error(404, 'could_not_resolve_entity');
    const song = songOf(url, country, missing);
    return song ? { status: 200, body: answerFor(song, country) } : error(400, 'could_not_resolve_entity');
  };

  return startFakeNetwork({
    port,
    routes: [{ method: 'GET', path: /^\/v1-alpha\.1\/links$/, handle: links }],
    // Odesli publishes nothing: what matters is the calls it got.
    posts: () => [],
    controls: [
      { method: 'GET', path: /^\/__fake\/calls$/, handle: () => ({ status: 200, body: { calls } }) },
    ],
    reset: () => {
      calls = [];
      window = { start: 0, hits: 0 };
    },
    notFound: () => error(404, 'not_found'),
    decorate: (answer, request) => {
      calls.push({
        at: new Date().toISOString(),
        url: request.query.get('url'),
        userCountry: request.query.get('userCountry'),
        key: request.query.has('key'),
        status: answer.status,
      });
      return answer;
    },
  });
};

/** The control API, typed: the social fakes' (`queue`, `requests`, `reset`) and the calls with their times. */
export const odesliControl = (url: string) => ({
  ...fakeControl(url),
  calls: async () => {
    const response = await fetch(`${url}/__fake/calls`);
    if (!response.ok) throw new Error(`calls: ${response.status}`);
    return ((await response.json()) as { calls: OdesliCall[] }).calls;
  },
});
