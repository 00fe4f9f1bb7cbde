import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { repoRoot } from './processes.ts';

/** Where screenshots go, for a person to open (git-ignored). */
export const artifacts = join(repoRoot, 'test', 'artifacts');

/**
 * Debian's Chromium, headless, French, with a fresh profile (playwright passes it as --user-data-dir) and the
 * background services off, which would otherwise flood this offline machine with refused connections.
 */
export const launchChromium = async () => {
  mkdirSync(artifacts, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'dimanche-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    locale: 'fr-FR',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
};

/**
 * Waits until every image of the page has loaded. Polled from here with `evaluate` (the debugging protocol, which
 * the page's CSP does not govern): `waitForFunction` compiles its predicate inside the page, and our pages' CSP
 * (no 'unsafe-eval') refuses that whenever the first check does not pass at once.
 */
export const imagesLoaded = async (page: Page, timeoutMs = 10_000) => {
  // Lazy images start loading only once scrolled near, and a quick scroll can skip them: for a screenshot of the
  // whole page, every image is asked for now.
  await page.evaluate(
    "document.querySelectorAll('img[loading=lazy]').forEach((image) => { image.loading = 'eager'; })",
  );
  const deadline = performance.now() + timeoutMs;
  while (!(await page.evaluate<boolean>('[...document.images].every((image) => image.complete)'))) {
    if (performance.now() > deadline) throw new Error(`images still loading after ${timeoutMs} ms`);
    await page.waitForTimeout(50);
  }
};
