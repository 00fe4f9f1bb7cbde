import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMjmlRenderer } from '../../emails/mjml-renderer.ts';
import { issueLinks } from '../../shared/domain/music/track-link-sets.ts';
import { type TrackResolution, trackUrlKey } from '../../shared/domain/music/track-resolution.ts';
import { type Platform, PLATFORMS } from '../../shared/domain/platforms.ts';
import { emailIn, personalise } from '../../shared/domain/rendered-email.ts';
import { anIssue } from '../builders/issue.ts';
import { identity } from '../emails/renderer-fixture.ts';
import { artifacts, launchChromium } from '../support/browser.ts';

const BASE = 'https://newsletter.example.org';
let chromium: Awaited<ReturnType<typeof launchChromium>> | undefined;
let html: string;

/** Every other track lacks Deezer, the last is not resolved: the three cards a Deezer reader meets. */
beforeAll(async () => {
  const issue = anIssue();
  const resolutions = new Map<string, TrackResolution>(
    issue.tracks.slice(0, -1).map((track, i) => {
      const on: readonly Platform[] = i % 2 === 0 ? PLATFORMS : PLATFORMS.filter((p) => p !== 'deezer');
      const resolution: TrackResolution = {
        key: trackUrlKey(track.url),
        url: track.url,
        status: 'resolved',
        pageUrl: `https://song.link/d/${i}`,
        links: Object.fromEntries(on.map((p) => [p, `https://${p}.example/track/${i}`])),
        missing: PLATFORMS.filter((p) => !on.includes(p)),
        resolvedAt: '2026-11-24T09:00:00.000Z',
      };
      return [resolution.key, resolution];
    }),
  );
  const rendered = await createMjmlRenderer(identity).renderIssue(issue, {
    archiveUrl: `${BASE}/archive/34-chambre-en-provence`,
    tracks: issueLinks(issue, resolutions, BASE).sets,
  });
  html = personalise(
    emailIn(rendered, 'fr'),
    { unsubscribeUrl: `${BASE}/u/x`, preferencesUrl: `${BASE}/preferences/x` },
    'deezer',
  ).html;
  chromium = await launchChromium();
  // Offline: covers are drawn here, nothing else loads.
  await chromium.context.route('**/*', (route) =>
    /\.(jpe?g|png|webp)(\?|$)/.test(route.request().url())
      ? route.fulfill({
          contentType: 'image/svg+xml',
          body: '<svg xmlns="http://www.w3.org/2000/svg" width="56" height="56"><rect width="56" height="56" fill="#c98b5e"/></svg>',
        })
      : route.abort('internetdisconnected'),
  );
});

afterAll(() => chromium?.close());

describe('the email’s track cards in Chromium, as a Deezer reader gets them', () => {
  for (const width of [375, 600]) {
    it(`leads each card with Deezer, else the song.link page, at ${width} px, within the width`, async () => {
      const page = await chromium!.context.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.setContent(html, { waitUntil: 'load' });
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
      const leads = await page
        .locator('a', { hasText: /^Écouter «\u00a0.+\u00a0»( sur .+)?$/ })
        .allTextContents();
      expect(leads).toHaveLength(15);
      expect(leads.slice(0, 4)).toEqual([
        'Écouter «\u00a0Le temps de l’amour\u00a0» sur Deezer',
        'Écouter «\u00a0La femme d’argent\u00a0»',
        'Écouter «\u00a0Saint Claude\u00a0» sur Deezer',
        'Écouter «\u00a0Come\u00a0»',
      ]);
      expect(leads.at(-1)).toBe('Écouter «\u00a0La Javanaise\u00a0»');
      // The row under a Deezer-led card: the other platforms, then the song.link page.
      const row = await page
        .locator('a', { hasText: 'Toutes les plateformes' })
        .first()
        .evaluate((a) => [...(a.parentElement?.querySelectorAll('a') ?? [])].map((link) => link.textContent));
      expect(row).toEqual([
        'Spotify',
        'Apple Music',
        'YouTube Music',
        'Tidal',
        'Amazon Music',
        'SoundCloud',
        'Bandcamp',
        'Toutes les plateformes',
      ]);
      const playlist = page.getByRole('heading', { name: 'La playlist' });
      await playlist.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(artifacts, `email-cards-deezer-${width}.png`) });
      await page.close();
    });
  }
});
