import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examplePostBody } from '../builders/issue.ts';
import { artifacts, imagesLoaded, launchChromium } from '../support/browser.ts';
import { signedPost } from '../support/signed-request.ts';
import { testApp } from '../support/test-app.ts';

let chromium: Awaited<ReturnType<typeof launchChromium>> | undefined;
let browser: BrowserContext;
let baseUrl: string;
let server: ReturnType<typeof serve>;

/** A cover as the browser would get it, drawn here: the tests have no network. */
const coverStandIn = (url: string) => {
  const hue = [...url].reduce((sum, char) => sum + char.charCodeAt(0), 0) % 360;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400" viewBox="0 0 600 400">
<rect width="600" height="400" fill="hsl(${hue},45%,62%)"/><circle cx="450" cy="110" r="60" fill="hsl(${hue},70%,85%)"/>
<path d="M0 300 Q150 220 300 290 T600 260 V400 H0Z" fill="hsl(${(hue + 40) % 360},40%,45%)"/></svg>`;
};

const TRACK_LINKS = [
  'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC',
  'https://www.deezer.com/track/3143475',
  'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  'https://music.apple.com/fr/album/chaleur-humaine/1440857781?i=1440857782',
];

beforeAll(async () => {
  // The pages link with absolute addresses: the app's public base URL is this server's, known once it listens.
  let fetch: (request: Request) => Response | Promise<Response> = () => new Response(null, { status: 503 });
  server = serve({ fetch: (request) => fetch(request), port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const t = await testApp({ PUBLIC_BASE_URL: baseUrl });
  fetch = t.app.fetch;

  // Each earlier issue posted in its own week, as the blog would have: a Sunday over a week past is refused.
  for (const [series, sunday, postedAt, title] of [
    [32, '2026-11-15', '2026-11-10T10:00:00Z', 'Les feuilles mortes'],
    [33, '2026-11-22', '2026-11-17T10:00:00Z', 'Un dimanche à Nîmes'],
  ] as const) {
    t.clock.set(postedAt);
    const { cover: _cover, ...body } = examplePostBody();
    const cover = { url: 'https://images.example.org/oss-33/arenes.jpg', alt: 'Les arènes de Nîmes' };
    const post = series === 33 ? { ...body, cover, subtitle: 'Une semaine de soleil' } : body;
    const earlier = await t.app.request('/webhooks/posts', signedPost({ ...post, series, sunday, title }));
    expect(earlier.status).toBe(201);
  }
  t.clock.set('2026-11-24T10:00:00Z');
  const body = examplePostBody() as { tracks: Record<string, unknown>[] };
  const tracks = body.tracks.map((track, i) =>
    i < TRACK_LINKS.length ? { ...track, url: TRACK_LINKS[i] } : track,
  );
  const published = await t.app.request('/webhooks/posts', signedPost({ ...body, tracks }));
  expect(published.status).toBe(201);
  t.clock.set('2026-11-29T09:00:00Z');

  chromium = await launchChromium();
  browser = chromium.context;
  // Offline, as here: covers come from a stand-in, the players' hosts are unreachable (their frames show an error).
  await browser.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === baseUrl) return route.continue();
    if (url.hostname === 'images.example.org') {
      return route.fulfill({ contentType: 'image/svg+xml', body: coverStandIn(url.href) });
    }
    return route.abort('internetdisconnected');
  });
});

afterAll(async () => {
  await chromium?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** Scrolls through the page so lazy images and frames start, then waits for every image: a complete screenshot. */
const loadEverything = async (page: Page) => {
  const height = await page.evaluate<number>('document.documentElement.scrollHeight');
  for (let y = 0; y < height; y += 600) {
    await page.evaluate(`window.scrollTo(0, ${y})`);
    await page.waitForTimeout(20);
  }
  await page.evaluate('window.scrollTo(0, 0)');
  await imagesLoaded(page);
};

const open = async (path: string, width: number): Promise<Page> => {
  const page = await browser.newPage();
  await page.setViewportSize({ width, height: 900 });
  const response = await page.goto(`${baseUrl}${path}`);
  expect(response?.status()).toBe(200);
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
  return page;
};

describe('the archive in Chromium', () => {
  for (const width of [375, 1280]) {
    it(`lists the issues at ${width} px, newest first, each a link to its page`, async () => {
      const page = await open('/archive', width);
      expect(await page.locator('.issue .title').allTextContents()).toEqual([
        'Chambre en Provence',
        'Un dimanche à Nîmes',
        'Les feuilles mortes',
      ]);
      await loadEverything(page);
      const thumbs = await page.evaluate<number[]>(
        "[...document.querySelectorAll('img.thumb')].map((image) => image.naturalWidth)",
      );
      expect(thumbs).toEqual([600, 600]); // #32 has no cover: its number stands in
      await page.screenshot({ path: join(artifacts, `archive-list-${width}.png`), fullPage: true });
      await page.getByRole('link', { name: /Chambre en Provence/ }).click();
      await page.waitForURL(`${baseUrl}/archive/34-chambre-en-provence`);
      await page.getByRole('heading', { name: 'Chambre en Provence', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'Tous les numéros' }).click();
      await page.waitForURL(`${baseUrl}/archive`);
      await page.close();
    });

    it(`shows an issue at ${width} px with its players inside the track cards, whatever they load`, async () => {
      const page = await open('/archive/34-chambre-en-provence', width);
      // Spotify, Deezer, YouTube, no player for Apple Music, then the example's eleven Deezer links.
      const kinds = await page.evaluate<string[]>(
        "[...document.querySelectorAll('.track')].map((track) => track.querySelector('iframe')?.className.replace('player player-', '') ?? 'none')",
      );
      expect(kinds).toEqual(['spotify', 'deezer', 'youtube', 'none', ...Array(11).fill('deezer')]);
      expect(
        await page.evaluate<string[]>(
          "[...document.querySelectorAll('iframe.player')].slice(0, 3).map((frame) => frame.title)",
        ),
      ).toEqual([
        'Spotify\u00a0: Françoise Hardy – Le temps de l’amour',
        'Deezer\u00a0: Air – La femme d’argent',
        'YouTube\u00a0: Christine and the Queens – Saint Claude',
      ]);
      // Each player within its track's card, whether its frame loaded or not (here: never).
      const boxes = await page.evaluate<{ width: number; height: number; inside: boolean }[]>(`
        [...document.querySelectorAll('iframe.player')].map((frame) => {
          const box = frame.getBoundingClientRect();
          const card = frame.closest('.track').getBoundingClientRect();
          return { width: box.width, height: box.height, inside: box.left >= card.left && box.right <= card.right };
        })`);
      for (const box of boxes) {
        expect(box.inside).toBe(true);
        expect(box.width).toBeGreaterThan(Math.min(width, 600) - 90);
      }
      expect(boxes.map((b) => Math.round(b.height)).slice(0, 2)).toEqual([152, 150]);
      expect(boxes.slice(3).every((b) => Math.round(b.height) === 150)).toBe(true);
      expect(Math.abs((boxes[2]?.height ?? 0) - ((boxes[2]?.width ?? 0) * 9) / 16)).toBeLessThan(2);

      const playlist = await page.evaluate<unknown>(
        `JSON.parse(document.querySelector('script[type="application/ld+json"]').textContent)`,
      );
      expect(playlist).toMatchObject({ '@type': 'MusicPlaylist', numTracks: 15 });
      expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toBe(
        'Chambre en Provence',
      );
      await loadEverything(page);
      const covers = await page.evaluate<number[]>(
        "[...document.querySelectorAll('.track-cover img')].map((image) => image.naturalWidth)",
      );
      expect(covers).toEqual(Array(15).fill(600));
      await page.screenshot({ path: join(artifacts, `archive-issue-${width}.png`), fullPage: true });
      // The full page is long: the first cards, one of each kind of player, at readable size.
      const first = await page.locator('.track').nth(0).boundingBox();
      const fourth = await page.locator('.track').nth(4).boundingBox();
      if (first && fourth) {
        const clip = { x: 0, y: first.y - 90, width, height: fourth.y + fourth.height - first.y + 100 };
        await page.screenshot({
          path: join(artifacts, `archive-players-${width}.png`),
          fullPage: true,
          clip,
        });
      }
      await page.close();
    });
  }
});
