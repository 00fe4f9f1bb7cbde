import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prerenderedConfirmationMail } from '../../functions/subscribers/confirmation-mail.ts';
import { LINK_VARIANTS } from '../../shared/domain/platforms.ts';
import { READER_LANGUAGES } from '../../shared/domain/reader-languages.ts';
import { examplePostBody } from '../builders/issue.ts';
import { aSubscriber } from '../builders/subscriber.ts';
import { renderExample } from '../emails/example-mails.ts';
import { idOf, tokenFor, uniqueAddress } from '../subscribers/support.ts';
import { artifacts, imagesLoaded, launchChromium } from '../support/browser.ts';
import { signedPost } from '../support/signed-request.ts';
import { testApp } from '../support/test-app.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const RULES = ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'];
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];

/** Something a reader sees: a mail (its HTML) or a public page (its path), and the widths it is read at. */
type Surface = { name: string; widths: readonly number[] } & (
  { html: string } | { path: string; status: number }
);

// The dark palette's page background, #1a1512; the light one's is #f4ece1.
const DARK_BACKGROUND = 'rgb(26, 21, 18)';

let chromium: Awaited<ReturnType<typeof launchChromium>> | undefined;
let server: ReturnType<typeof serve> | undefined;
let baseUrl = '';
const pages = new Map<Scheme, Page>();
const surfaces = new Map<string, Surface>();

const MAIL_NAMES = [
  ...READER_LANGUAGES.flatMap((language) => LINK_VARIANTS.map((variant) => `mail ${language} ${variant}`)),
  ...READER_LANGUAGES.map((language) => `confirmation mail ${language}`),
];
const PAGE_NAMES = [
  'archive page',
  'archive list',
  'sign-up',
  'sign-up (en)',
  'confirm',
  'unsubscribe',
  'preferences',
  'archive page not found',
  'archive list page not found',
] as const;
/** What a browser gets for a wrong address: the same public layout, with its status. */
const STATUSES: Partial<Record<(typeof PAGE_NAMES)[number], number>> = {
  'archive page not found': 404,
  'archive list page not found': 422,
};

const coverStandIn = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="400"><rect width="600" height="400" fill="#8a6d55"/></svg>`;

beforeAll(async () => {
  // The pages link with absolute addresses: the app's public base URL is this server's, known once it listens.
  let fetch: (request: Request) => Response | Promise<Response> = () => new Response(null, { status: 503 });
  server = serve({ fetch: (request) => fetch(request), port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server?.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const t = await testApp({ PUBLIC_BASE_URL: baseUrl });
  fetch = t.app.fetch;
  const posted = await t.app.request('/webhooks/posts', signedPost(examplePostBody()));
  expect(posted.status).toBe(201);
  const reader = aSubscriber({ id: idOf(uniqueAddress()), language: 'fr' });
  await t.subscribers.create(reader);
  // Tokens are checked against the app's clock, still where tokenFor signs; the issue is published a week on.
  const links = {
    confirm: `/confirm/${await tokenFor(reader.id, 'confirm')}`,
    unsubscribe: `/u/${await tokenFor(reader.id, 'unsubscribe')}`,
    preferences: `/preferences/${await tokenFor(reader.id, 'preferences')}`,
  };
  for (const [name, path] of Object.entries(links)) {
    expect((await t.app.request(path)).status, name).toBe(200);
  }
  t.clock.set('2026-11-29T09:00:00Z');

  const example = await renderExample();
  for (const language of READER_LANGUAGES) {
    for (const variant of LINK_VARIANTS) {
      const { html } = example.mail(language, variant);
      const name = `mail ${language} ${variant}`;
      surfaces.set(name, { name, html, widths: [375, 600] });
    }
    const confirmation = prerenderedConfirmationMail({
      publicBaseUrl: baseUrl,
      seriesName: 'Online Sunday Morning Sound',
    });
    const name = `confirmation mail ${language}`;
    surfaces.set(name, { name, html: confirmation(language, 'token').html, widths: [375, 600] });
  }
  const paths: Record<(typeof PAGE_NAMES)[number], string> = {
    'archive page': '/archive/34-chambre-en-provence',
    'archive list': '/archive',
    'sign-up': '/subscribe',
    'sign-up (en)': '/subscribe?lang=en',
    ...links,
    'archive page not found': '/archive/35-decembre',
    'archive list page not found': '/archive?cursor=zz',
  };
  for (const name of PAGE_NAMES) {
    surfaces.set(name, { name, path: paths[name], status: STATUSES[name] ?? 200, widths: [375, 1280] });
  }

  chromium = await launchChromium();
  // Offline: covers are drawn here, the players' hosts are unreachable (their frames are not ours to check).
  await chromium.context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(baseUrl)) return route.continue();
    if (/\.(jpe?g|png|webp)(\?|$)/.test(url)) {
      return route.fulfill({ contentType: 'image/svg+xml', body: coverStandIn });
    }
    return route.abort('internetdisconnected');
  });
  for (const scheme of SCHEMES) {
    const page = await chromium.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    pages.set(scheme, page);
  }
}, 120_000);

afterAll(async () => {
  await chromium?.close();
  await new Promise((resolve) => server?.close(resolve));
});

type AxeNode = {
  target: string[];
  html: string;
  any: {
    data?: { contrastRatio?: number; fgColor?: string; bgColor?: string; expectedContrastRatio?: string };
  }[];
};
type AxeViolation = { id: string; impact: string; help: string; nodes: AxeNode[] };

/** axe-core's violations, one line a node: the rule, the element, and for contrast the measured ratio. */
const violations = async (page: Page): Promise<string[]> => {
  if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.evaluate(axeSource);
  const found = await page.evaluate<AxeViolation[], string[]>(
    async (tags) =>
      (
        await (
          globalThis as unknown as {
            axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> };
          }
        ).axe.run((globalThis as unknown as { document: unknown }).document, {
          runOnly: { type: 'tag', values: tags },
          // The players' frames are the platforms' own pages (unreachable here): not ours to check.
          iframes: false,
          resultTypes: ['violations'],
        })
      ).violations,
    RULES,
  );
  return found.flatMap((violation) =>
    violation.nodes.map((node) => {
      const contrast = node.any.find((check) => check.data?.contrastRatio !== undefined)?.data;
      const measured = contrast
        ? ` — ${contrast.fgColor} on ${contrast.bgColor} is ${contrast.contrastRatio}:1, needs ${contrast.expectedContrastRatio}`
        : '';
      return `${violation.id} (${violation.impact}): ${node.target.join(' ')}${measured} ${node.html.slice(0, 120)}`;
    }),
  );
};

const open = async (page: Page, surface: Surface) => {
  if ('html' in surface) {
    await page.setContent(surface.html, { waitUntil: 'load' });
    return;
  }
  const response = await page.goto(`${baseUrl}${surface.path}`, { waitUntil: 'load' });
  expect(response?.status(), surface.name).toBe(surface.status);
};

describe('every surface a reader sees passes axe-core (WCAG 2.1 A and AA, best practice), light and dark', () => {
  it.each([...MAIL_NAMES, ...PAGE_NAMES])(
    '%s: zero violations in both schemes and at both widths',
    async (name) => {
      const surface = surfaces.get(name);
      if (!surface) throw new Error(`no surface ${name}`);
      const failures: string[] = [];
      for (const scheme of SCHEMES) {
        const page = pages.get(scheme);
        if (!page) throw new Error(`no ${scheme} page`);
        await open(page, surface);
        // Each surface draws its own dark palette: else the dark run would check the light one twice.
        const background = await page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
        expect(background === DARK_BACKGROUND, `${surface.name} in ${scheme}: ${background}`).toBe(
          scheme === 'dark',
        );
        for (const width of surface.widths) {
          await page.setViewportSize({ width, height: 900 });
          for (const line of await violations(page))
            failures.push(`${surface.name}, ${scheme}, ${width} px: ${line}`);
        }
      }
      expect(failures, surface.name).toEqual([]);
    },
  );

  it('looks right in dark mode at 375 px: the mail and the archive page (screenshots for a person)', async () => {
    const page = pages.get('dark');
    if (!page) throw new Error('no dark page');
    await page.setViewportSize({ width: 375, height: 900 });
    const mail = surfaces.get('mail fr deezer');
    if (!mail) throw new Error('no French Deezer mail');
    await open(page, mail);
    expect(await page.evaluate<string>('getComputedStyle(document.body).backgroundColor')).toBe(
      DARK_BACKGROUND,
    );
    await page.screenshot({ path: join(artifacts, 'a11y-mail-dark-375.png'), fullPage: true });
    const archive = surfaces.get('archive page');
    if (!archive) throw new Error('no archive page');
    await open(page, archive);
    // The covers are lazy: scroll through so the screenshot shows them.
    const height = await page.evaluate<number>('document.documentElement.scrollHeight');
    for (let y = 0; y < height; y += 800) await page.evaluate(`window.scrollTo(0, ${y})`);
    await imagesLoaded(page);
    await page.evaluate('window.scrollTo(0, 0)');
    expect(await page.evaluate<string>('getComputedStyle(document.body).backgroundColor')).toBe(
      DARK_BACKGROUND,
    );
    await page.screenshot({ path: join(artifacts, 'a11y-archive-dark-375.png'), fullPage: true });
  });
});
