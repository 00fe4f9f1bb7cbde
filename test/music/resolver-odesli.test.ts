import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type OdesliKey,
  odesliControl,
  startFakeOdesli,
} from '../../infra/local/stand-ins/music/fake-odesli.ts';
import type { FakeNetwork } from '../../infra/local/social/fake-network.ts';
import { odesliResolver } from '../../shared/adapters/odesli/odesli-resolver.ts';
import type { Platform } from '../../shared/domain/platforms.ts';
import { realNow } from '../support/real-clock.ts';

/** Written out here rather than imported, so a wrong entry in the adapter's table fails a test. */
const OURS: Record<string, Platform> = {
  spotify: 'spotify',
  appleMusic: 'apple-music',
  deezer: 'deezer',
  youtubeMusic: 'youtube-music',
  tidal: 'tidal',
  amazonMusic: 'amazon-music',
  soundcloud: 'soundcloud',
  bandcamp: 'bandcamp',
};

type RawAnswer = {
  pageUrl: string;
  entityUniqueId: string;
  linksByPlatform: Record<string, { url: string }>;
  entitiesByUniqueId: Record<string, { title: string; artistName: string; thumbnailUrl: string }>;
};

const SPOTIFY = 'https://open.spotify.com/track/4Km5HrUvYTaSUfiSGPJeQR';

describe('Odesli resolver against the fake song.link API', () => {
  let fake: FakeNetwork;
  let control: ReturnType<typeof odesliControl>;
  const resolver = (options: Partial<Parameters<typeof odesliResolver>[0]> = {}) =>
    odesliResolver({ baseUrl: fake.url, timeoutMs: 2_000, ...options });
  const raw = async (url: string) =>
    (await (
      await fetch(`${fake.url}/v1-alpha.1/links?url=${encodeURIComponent(url)}&userCountry=FR`)
    ).json()) as RawAnswer;

  beforeAll(async () => {
    fake = await startFakeOdesli({ ratePerMinute: 1_000 });
    control = odesliControl(fake.url);
  });
  afterAll(() => fake.close());
  beforeEach(() => control.reset());

  it("maps Odesli's platforms to ours and names the song from the entity of the URL asked about", async () => {
    const answer = await raw(SPOTIFY);
    const outcome = await resolver().resolve(SPOTIFY);

    const expected = Object.fromEntries(
      Object.entries(answer.linksByPlatform)
        .filter(([key]) => key in OURS)
        .map(([key, { url }]) => [OURS[key], url]),
    );
    const entity = answer.entitiesByUniqueId[answer.entityUniqueId];
    expect(outcome).toEqual({
      kind: 'resolved',
      pageUrl: answer.pageUrl,
      links: expected,
      artist: entity?.artistName,
      title: entity?.title,
      thumbnailUrl: entity?.thumbnailUrl,
    });
    if (outcome.kind !== 'resolved') throw new Error('unreachable');
    expect(outcome.links.spotify).toBe(SPOTIFY);
    expect(new URL(outcome.links['apple-music'] ?? '').host).toBe('geo.music.apple.com');
    expect(new URL(outcome.links['youtube-music'] ?? '').host).toBe('music.youtube.com');
    // Shops and plain YouTube are in the answer but are not platforms a reader can prefer.
    expect(Object.keys(answer.linksByPlatform)).toEqual(expect.arrayContaining(['itunes', 'youtube']));
    expect(Object.values(outcome.links)).not.toContain(answer.linksByPlatform.itunes?.url);
    expect(Object.values(outcome.links)).not.toContain(answer.linksByPlatform.youtube?.url);
  });

  it('leaves out the platforms that lack the song', async () => {
    const sparse = await startFakeOdesli({ missing: ['tidal', 'bandcamp', 'soundcloud'] });
    try {
      const outcome = await odesliResolver({ baseUrl: sparse.url, timeoutMs: 2_000 }).resolve(
        'https://www.deezer.com/track/3135556',
      );
      if (outcome.kind !== 'resolved') throw new Error(`resolved expected, got ${outcome.kind}`);
      expect(Object.keys(outcome.links).sort()).toEqual(
        ['amazon-music', 'apple-music', 'deezer', 'spotify', 'youtube-music'].sort(),
      );
    } finally {
      await sparse.close();
    }
  });

  it('asks for the configured country, with the key only when there is one', async () => {
    await resolver().resolve(SPOTIFY);
    await resolver({ apiKey: 'k-123', userCountry: 'BE' }).resolve(SPOTIFY);
    const calls = await control.calls();
    expect(calls.map(({ url, userCountry, key, status }) => ({ url, userCountry, key, status }))).toEqual([
      { url: SPOTIFY, userCountry: 'FR', key: false, status: 200 },
      { url: SPOTIFY, userCountry: 'BE', key: true, status: 200 },
    ]);
    expect((await control.requests())[1]?.query.key).toBe('k-123');
  });

  it('says not_found for a 404 and for a 400 could_not_resolve_entity', async () => {
    expect(await resolver().resolve('https://open.spotify.com/track/unknown-song')).toEqual({
      kind: 'not_found',
      detail: expect.stringContaining('HTTP 404'),
    });
    expect(await resolver().resolve('https://music.example.org/some/track')).toEqual({
      kind: 'not_found',
      detail: expect.stringContaining('could_not_resolve_entity'),
    });
    expect((await control.calls()).map((call) => call.status)).toEqual([404, 400]);
  });

  it('reads Retry-After in seconds, as an HTTP date, and waits a minute when there is none', async () => {
    const now = new Date('2026-11-29T08:00:00Z');
    await control.queue(
      { status: 429, headers: { 'retry-after': '17' } },
      { status: 429, headers: { 'retry-after': new Date(now.getTime() + 125_000).toUTCString() } },
      { status: 429 },
    );
    const limited = resolver({ now: () => now });
    expect(await limited.resolve(SPOTIFY)).toEqual({ kind: 'rate_limited', retryAfterSeconds: 17 });
    expect(await limited.resolve(SPOTIFY)).toEqual({ kind: 'rate_limited', retryAfterSeconds: 125 });
    expect(await limited.resolve(SPOTIFY)).toEqual({ kind: 'rate_limited', retryAfterSeconds: 60 });
  });

  it("meets the fake's own per-minute limit with a 429 that says when to come back", async () => {
    const strict = await startFakeOdesli({ ratePerMinute: 2 });
    try {
      const client = odesliResolver({ baseUrl: strict.url, timeoutMs: 2_000 });
      // Five calls in a few milliseconds cross at most one minute boundary: three land in one window.
      const outcomes = [];
      for (let i = 0; i < 5; i += 1) outcomes.push(await client.resolve(SPOTIFY));
      const limited = outcomes.filter((outcome) => outcome.kind === 'rate_limited');
      expect(limited.length).toBeGreaterThanOrEqual(1);
      for (const outcome of limited) {
        if (outcome.kind !== 'rate_limited') continue;
        expect(outcome.retryAfterSeconds).toBeGreaterThanOrEqual(1);
        expect(outcome.retryAfterSeconds).toBeLessThanOrEqual(60);
      }
      expect(outcomes[0]?.kind).toBe('resolved');
    } finally {
      await strict.close();
    }
  });

  it('says unavailable for server errors and for 4xx answers that are not about the song', async () => {
    await control.queue(
      { status: 503, body: { statusCode: 503, code: 'service_unavailable' } },
      { status: 401, body: { statusCode: 401, code: 'invalid_api_key' } },
    );
    expect(await resolver().resolve(SPOTIFY)).toEqual({
      kind: 'unavailable',
      detail: expect.stringContaining('HTTP 503'),
    });
    expect(await resolver().resolve(SPOTIFY)).toEqual({
      kind: 'unavailable',
      detail: expect.stringContaining('invalid_api_key'),
    });
  });

  it('gives up on a slow answer at timeoutMs', async () => {
    await control.queue({ delayMs: 1_500 });
    const started = performance.now();
    const outcome = await resolver({ timeoutMs: 150 }).resolve(SPOTIFY);
    expect(outcome).toEqual({ kind: 'unavailable', detail: expect.stringMatching(/timeout|abort/i) });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('says unavailable for a body that is not JSON, or JSON without a song.link page', async () => {
    await control.queue(
      { status: 200, headers: { 'content-type': 'text/html' }, body: '<html>maintenance</html>' },
      { status: 200, body: { linksByPlatform: { spotify: { url: SPOTIFY } } } },
      { status: 200, body: ['a', 'list'] },
    );
    for (let i = 0; i < 3; i += 1)
      expect(await resolver().resolve(SPOTIFY)).toEqual({ kind: 'unavailable', detail: expect.any(String) });
  });

  it('keeps only https links and thumbnails', async () => {
    await control.queue({
      status: 200,
      body: {
        entityUniqueId: 'DEEZER_SONG::1',
        pageUrl: 'https://song.link/fr/s/1',
        entitiesByUniqueId: {
          'DEEZER_SONG::1': { title: 'Ligne 7', artistName: 'Lou', thumbnailUrl: 'http://cdn.example/1.jpg' },
        },
        linksByPlatform: {
          spotify: { url: 'http://open.spotify.com/track/1' },
          deezer: { url: 'https://www.deezer.com/track/1' },
          tidal: { url: 'javascript:alert(1)' },
          bandcamp: { url: 'not a url' },
        },
      },
    });
    expect(await resolver().resolve('https://www.deezer.com/track/1')).toEqual({
      kind: 'resolved',
      pageUrl: 'https://song.link/fr/s/1',
      links: { deezer: 'https://www.deezer.com/track/1' },
      artist: 'Lou',
      title: 'Ligne 7',
    });
  });

  it('says unavailable when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(
      await odesliResolver({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 1_000 }).resolve(SPOTIFY),
    ).toEqual({ kind: 'unavailable', detail: expect.stringContaining('ECONNREFUSED') });
  });
});

describe('the fake song.link API', () => {
  let fake: FakeNetwork;
  beforeAll(async () => {
    fake = await startFakeOdesli({ ratePerMinute: 1_000 });
  });
  afterAll(() => fake.close());

  const ask = async (url: string) => {
    const response = await fetch(
      `${fake.url}/v1-alpha.1/links?url=${encodeURIComponent(url)}&userCountry=FR`,
    );
    return { status: response.status, body: (await response.json()) as RawAnswer };
  };

  it('answers the same URL with the same song, and different songs for different URLs', async () => {
    const first = await ask(SPOTIFY);
    expect(first.status).toBe(200);
    expect((await ask(SPOTIFY)).body).toEqual(first.body);
    expect((await ask('https://open.spotify.com/track/0000000000000000000000')).body.pageUrl).not.toBe(
      first.body.pageUrl,
    );
  });

  it('knows every platform we offer, always links the one asked about, and leaves some songs without some', async () => {
    const sources: [string, OdesliKey][] = [
      ['https://open.spotify.com/track/', 'spotify'],
      ['https://music.apple.com/fr/album/x/', 'appleMusic'],
      ['https://www.deezer.com/fr/track/', 'deezer'],
      ['https://music.youtube.com/watch?v=', 'youtubeMusic'],
      ['https://www.youtube.com/watch?v=', 'youtube'],
      ['https://tidal.com/browse/track/', 'tidal'],
      ['https://soundcloud.com/someone/song-', 'soundcloud'],
      ['https://someone.bandcamp.com/track/song-', 'bandcamp'],
    ];
    const missingSeen = new Set<string>();
    for (const [prefix, key] of sources)
      for (let n = 0; n < 4; n += 1) {
        const url = `${prefix}${1000 + n}`;
        const { status, body } = await ask(url);
        expect(status).toBe(200);
        expect(body.linksByPlatform[key]?.url).toBe(url);
        expect(body.entitiesByUniqueId[body.entityUniqueId]?.title).toEqual(expect.any(String));
        for (const platform of Object.keys(OURS))
          if (!body.linksByPlatform[platform]) missingSeen.add(platform);
      }
    expect([...missingSeen].length).toBeGreaterThan(0);
  });

  it('records each call with its time, and forgets them on reset', async () => {
    const control = odesliControl(fake.url);
    await control.reset();
    const before = realNow().getTime();
    await ask(SPOTIFY);
    const [call, ...rest] = await control.calls();
    expect(rest).toEqual([]);
    expect(call?.url).toBe(SPOTIFY);
    expect(Date.parse(call?.at ?? '')).toBeGreaterThanOrEqual(before - 1);
    await control.reset();
    expect(await control.calls()).toEqual([]);
  });
});
