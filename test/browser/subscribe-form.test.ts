import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailsTo } from '../support/mail-store.ts';
import { repoRoot } from '../support/processes.ts';
import { testApp } from '../support/test-app.ts';

const artifacts = join(repoRoot, 'test', 'artifacts');
const profile = mkdtempSync(join(tmpdir(), 'dimanche-chromium-'));
let browser: BrowserContext;
let baseUrl: string;
let server: ReturnType<typeof serve>;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  const { app } = await testApp();
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A fresh profile every run (playwright passes it as --user-data-dir).
  browser = await chromium.launchPersistentContext(profile, {
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
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(profile, { recursive: true, force: true });
});

describe('the sign-up form in Chromium', () => {
  for (const width of [375, 1280]) {
    it(`is filled in and sent at ${width} px, with labels, no horizontal scroll, and a confirmation mail`, async () => {
      const page = await browser.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${baseUrl}/subscribe`);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
      const email = `navigateur.${width}.${Date.now()}@exemple.fr`;
      await page.getByLabel('Adresse e-mail').fill(email);
      await page.getByLabel('Prénom (facultatif)').fill('Chloé');
      await page.keyboard.press('Tab');
      expect(await page.evaluate<string>('document.activeElement.id')).toBe('language');
      await page.screenshot({ path: join(artifacts, `subscribe-${width}.png`), fullPage: true });
      await page.getByRole('button', { name: 'Je m’inscris' }).click();
      await page.getByRole('heading', { name: 'Vérifiez votre boîte aux lettres' }).waitFor();
      await page.screenshot({ path: join(artifacts, `subscribe-sent-${width}.png`), fullPage: true });
      expect((await mailsTo(email)).map((m) => m.subject)).toEqual([
        'Confirmez votre abonnement à Online Sunday Morning Sound',
      ]);
      await page.close();
    });
  }
});
