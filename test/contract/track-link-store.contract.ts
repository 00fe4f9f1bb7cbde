import { beforeAll, describe, expect, it } from 'vitest';
import { type TrackResolution, trackUrlKey } from '../../shared/domain/music/track-resolution.ts';
import type { TrackLinkStore } from '../../shared/ports/track-link-store.ts';
import type { MakeStores } from './stores.ts';

const AT = '2026-11-22T10:00:00.000Z';

const resolved = (url: string, change: Partial<TrackResolution> = {}): TrackResolution =>
  ({
    key: trackUrlKey(url),
    url,
    status: 'resolved',
    pageUrl: 'https://song.link/fr/s/42',
    links: { spotify: url, deezer: 'https://www.deezer.com/track/42' },
    missing: ['apple-music', 'youtube-music', 'tidal', 'amazon-music', 'soundcloud', 'bandcamp'],
    artist: 'Lou Villeneuve',
    title: 'Été à Saint-Malo',
    thumbnailUrl: 'https://i.scdn.co/image/42',
    resolvedAt: AT,
    ...change,
  }) as TrackResolution;

const other = (url: string, status: 'not_found' | 'failed', detail = `HTTP ${status}`): TrackResolution => ({
  key: trackUrlKey(url),
  url,
  status,
  detail,
  resolvedAt: AT,
});

/** The resolver's cache: by URL key, read in batches, a `failed` answer never over a real one. */
export const trackLinkStoreContract = (label: string, makeStores: MakeStores) => {
  describe(`track link store on ${label}`, () => {
    let store: TrackLinkStore;
    beforeAll(async () => {
      store = (await makeStores()).trackLinks;
    });

    it('gives back each kind of answer by key, and nothing for a key never saved', async () => {
      const song = resolved('https://open.spotify.com/track/a1');
      const gone = other('https://www.deezer.com/track/404', 'not_found');
      const down = other('https://tidal.com/track/503', 'failed');
      for (const resolution of [song, gone, down]) await store.save(resolution);
      const found = await store.getMany([
        song.key,
        gone.key,
        down.key,
        trackUrlKey('https://x.example/none'),
      ]);
      expect(found).toEqual(
        new Map([
          [song.key, song],
          [gone.key, gone],
          [down.key, down],
        ]),
      );
      expect(await store.getMany([])).toEqual(new Map());
    });

    it('keeps a URL as long as the longest track link, with characters beyond ASCII', async () => {
      const url = `https://someone.bandcamp.com/track/${'é'.repeat(600)}-${'x'.repeat(1_200)}`;
      const long = resolved(url);
      expect(Buffer.byteLength(long.key)).toBeGreaterThan(2_048);
      await store.save(long);
      expect((await store.getMany([long.key])).get(long.key)).toEqual(long);
    });

    it('reads more than one batch of keys, asked twice or not', async () => {
      const many = Array.from({ length: 150 }, (_, i) => resolved(`https://open.spotify.com/track/m${i}`));
      for (let start = 0; start < many.length; start += 25)
        await Promise.all(many.slice(start, start + 25).map((resolution) => store.save(resolution)));
      const keys = many.map((resolution) => resolution.key);
      const found = await store.getMany([...keys, ...keys.slice(0, 20)]);
      expect(found.size).toBe(150);
      expect(found.get(keys[149] ?? '')).toEqual(many[149]);
    });

    it('never lets a failure replace an answer, and lets any answer replace a failure', async () => {
      const url = 'https://www.deezer.com/track/77';
      const key = trackUrlKey(url);
      await store.save(other(url, 'failed', 'first failure'));
      await store.save(other(url, 'failed', 'second failure'));
      expect((await store.getMany([key])).get(key)).toEqual(other(url, 'failed', 'second failure'));

      await store.save(resolved(url));
      await store.save(other(url, 'failed', 'a late retry gave up'));
      expect((await store.getMany([key])).get(key)).toEqual(resolved(url));

      // A fresh answer from the resolver wins over an older one.
      await store.save(other(url, 'not_found'));
      await store.save(other(url, 'failed'));
      expect((await store.getMany([key])).get(key)).toEqual(other(url, 'not_found'));
    });
  });
};
