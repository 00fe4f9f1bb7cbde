import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailsTo } from '../support/mail-store.ts';
import { artifacts, launchChromium } from '../support/browser.ts';
import { testApp } from '../support/test-app.ts';
import { randomUUID } from 'node:crypto';

let chromium: Awaited<ReturnType<typeof launchChromium>> | undefined;
let browser: BrowserContext;
let baseUrl: string;
let server: ReturnType<typeof serve>;

beforeAll(async () => {
  const { app } = await testApp();
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  chromium = await launchChromium();
  browser = chromium.context;
});

afterAll(async () => {
  await chromium?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('the sign-up form in Chromium', () => {
  for (const width of [375, 1280]) {
    it(`is filled in and sent at ${width} px, with labels, no horizontal scroll, and a confirmation mail`, async () => {
      const page = await browser.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${baseUrl}/subscribe`);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
      const email = `navigateur.${width}.${randomUUID().slice(0, 8)}@exemple.fr`;
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
