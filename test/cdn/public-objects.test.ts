import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { archiveFeeds, publicPages } from '../../functions/wiring/render.ts';
import { issuePageKey } from '../../shared/domain/public-object.ts';
import type { Issue } from '../../shared/domain/issue.ts';
import { publishPublicPages } from '../../shared/usecases/publish-public-pages.ts';
import { examplePostBody } from '../builders/issue.ts';
import { signedPost } from '../support/signed-request.ts';
import { BASE_URL, testApp } from '../support/test-app.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp();
});

const post = async (changes: Record<string, unknown> = {}) => {
  const response = await t.app.request('/webhooks/posts', signedPost({ ...examplePostBody(), ...changes }));
  expect(response.status).toBeLessThan(300);
};
const SUNDAY_MORNING = '2026-11-29T08:00:00Z';

describe('the public pages, built once by the render step', () => {
  it('serves the issue page as the object the render built, with a strong ETag, and 304 for a current copy', async () => {
    await post();
    t.clock.set(SUNDAY_MORNING);
    const stored = await t.publicObjects.get(issuePageKey(34));
    expect(stored?.slug).toBe('34-chambre-en-provence');

    const page = await t.app.request('/archive/34-chambre-en-provence');
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(stored?.body);
    const etag = page.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(page.headers.get('cache-control')).toMatch(/s-maxage=\d+.*stale-while-revalidate=\d+/);
    // The edge keeps security headers as the app set them.
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');

    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const again = await t.app.request('/archive/34-chambre-en-provence', {
        headers: { 'if-none-match': ifNoneMatch },
      });
      expect(again.status).toBe(304);
      expect(again.headers.get('etag')).toBe(etag);
      expect(await again.text()).toBe('');
    }
    const other = await t.app.request('/archive/34-chambre-en-provence', {
      headers: { 'if-none-match': '"not-this-one"' },
    });
    expect(other.status).toBe(200);
  });

  it('carries a revision on the very next request, under a new ETag', async () => {
    await post();
    t.clock.set(SUNDAY_MORNING);
    const before = await t.app.request('/archive/34-chambre-en-provence');
    const oldTag = before.headers.get('etag') ?? '';
    await post({ story: '<p>Une histoire réécrite, dimanche matin.</p>' });

    const after = await t.app.request('/archive/34-chambre-en-provence', {
      headers: { 'if-none-match': oldTag },
    });
    expect(after.status).toBe(200);
    expect(await after.text()).toContain('Une histoire réécrite, dimanche matin.');
    expect(after.headers.get('etag')).not.toBe(oldTag);
  });

  it('redirects the old slug and the number to a retitled issue, and lists the new title', async () => {
    await post();
    await post({ title: 'Chambre en Camargue' });
    t.clock.set(SUNDAY_MORNING);
    for (const path of ['/archive/34-chambre-en-provence', '/archive/34']) {
      const moved = await t.app.request(path);
      expect(moved.status).toBe(301);
      expect(moved.headers.get('location')).toBe(`${BASE_URL}/archive/34-chambre-en-camargue`);
    }
    const list = await (await t.app.request('/archive')).text();
    expect(list).toContain('Chambre en Camargue');
    expect(list).not.toContain('Chambre en Provence');
  });

  it('keeps a page built ahead out of sight until its Sunday, and the list from showing it before then', async () => {
    await post();
    expect(await t.publicObjects.get(issuePageKey(34))).toBeDefined();
    expect((await t.app.request('/archive/34-chambre-en-provence')).status).toBe(404);
    expect(await (await t.app.request('/archive')).text()).not.toContain('Chambre en Provence');
    t.clock.set('2026-11-28T22:59:59Z');
    expect((await t.app.request('/archive/34-chambre-en-provence')).status).toBe(404);
    t.clock.set('2026-11-28T23:00:00Z'); // Sunday 00:00 in Paris
    expect((await t.app.request('/archive/34-chambre-en-provence')).status).toBe(200);
    // From the copies built ahead for that Sunday, with no render in between and no read of the table.
    for (const [path, key] of [
      ['/archive', 'archive/index~2026-11-29'],
      ['/archive/feed.xml', 'archive/feed.xml~2026-11-29'],
      ['/archive/atom.xml', 'archive/atom.xml~2026-11-29'],
    ] as const) {
      const served = await t.app.request(path);
      const ahead = await t.publicObjects.get(key);
      expect(served.headers.get('etag'), path).toBe(ahead?.etag);
      expect(await served.text()).toContain('Chambre en Provence');
    }
  });
});

describe('what a render tells the CDN', () => {
  const publishAgain = async (issue: Issue, html: string) => {
    const invalidated: string[][] = [];
    const cdn = { invalidate: async (paths: readonly string[]) => void invalidated.push([...paths]) };
    const { renderer: feeds, timeZone } = archiveFeeds(t.config);
    const deps = {
      store: t.issues,
      clock: t.clock,
      timeZone,
      feeds,
      ...publicPages(t.config, t.publicObjects, cdn),
    };
    const { paths } = await publishPublicPages(issue, html, deps);
    expect(invalidated).toEqual(paths.length > 0 ? [paths] : []);
    return paths;
  };
  const current = async () => {
    const issue = await t.issues.get('iss_34' as Issue['id']);
    if (!issue) throw new Error('issue #34 was not stored');
    return issue;
  };

  it('invalidates exactly the paths that changed, and nothing when nothing did', async () => {
    await post();
    t.clock.set(SUNDAY_MORNING);
    const issue = await current();
    const html = (await t.publicObjects.get(issuePageKey(34)))?.body ?? '';
    // Built on Tuesday, the list and feeds did not show it yet; on Sunday they do, the page had not changed.
    expect((await publishAgain(issue, html)).sort()).toEqual(
      ['/archive', '/archive/atom.xml', '/archive/feed.xml'].sort(),
    );
    expect(await publishAgain(issue, html)).toEqual([]);
    // A revision of the story alone: the page only (the list and feeds show the title and lede).
    expect(await publishAgain(issue, `${html}<!-- revised -->`)).toEqual(['/archive/34-chambre-en-provence']);
    // A new title: the page, its old slug and number, the list and both feeds.
    const retitled = { ...issue, title: 'Chambre en Camargue', slug: '34-chambre-en-camargue' };
    expect((await publishAgain(retitled, html)).sort()).toEqual(
      [
        '/archive/34-chambre-en-camargue',
        '/archive/34-chambre-en-provence',
        '/archive/34',
        '/archive',
        '/archive/feed.xml',
        '/archive/atom.xml',
      ].sort(),
    );
  });
});

describe('the sign-up form', () => {
  it('is built once per language and revalidates with its ETag', async () => {
    const french = await t.app.request('/subscribe');
    const etag = french.headers.get('etag') ?? '';
    expect(french.status).toBe(200);
    expect(french.headers.get('vary')).toContain('accept-language');
    expect(french.headers.get('cache-control')).toMatch(/s-maxage=\d+/);
    const again = await t.app.request('/subscribe', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const english = await t.app.request('/subscribe', { headers: { 'accept-language': 'en-GB,en;q=0.8' } });
    expect(english.headers.get('etag')).not.toBe(etag);
    expect(await english.text()).toContain('lang="en"');
  });
});

describe('the bytes on the wire', () => {
  it('compresses a page for a client that takes it (brotli, else gzip), each under an ETag of its own, and revalidates any copy', async () => {
    await post();
    t.clock.set(SUNDAY_MORNING);
    const plain = await t.app.request('/archive/34-chambre-en-provence');
    const html = await plain.text();
    const zipped = await t.app.request('/archive/34-chambre-en-provence', {
      headers: { 'accept-encoding': 'gzip, deflate' },
    });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toContain('accept-encoding');
    const zippedTag = zipped.headers.get('etag') ?? '';
    expect(zippedTag).not.toBe(plain.headers.get('etag'));
    const body = Buffer.from(await zipped.arrayBuffer());
    expect(gunzipSync(body).toString('utf8')).toBe(html);
    expect(body.length).toBeLessThan(html.length / 3);
    // A browser's header: brotli, smaller still.
    const brotli = await t.app.request('/archive/34-chambre-en-provence', {
      headers: { 'accept-encoding': 'br;q=1, gzip;q=0.8' },
    });
    expect(brotli.headers.get('content-encoding')).toBe('br');
    const brotliTag = brotli.headers.get('etag') ?? '';
    expect(new Set([brotliTag, zippedTag, plain.headers.get('etag')]).size).toBe(3);
    const brBody = Buffer.from(await brotli.arrayBuffer());
    expect(brotliDecompressSync(brBody).toString('utf8')).toBe(html);
    expect(brBody.length).toBeLessThan(body.length);
    for (const refusing of ['gzip;q=0', 'br;q=0, gzip;q=0', 'identity']) {
      const refused = await t.app.request('/archive/34-chambre-en-provence', {
        headers: { 'accept-encoding': refusing },
      });
      expect(refused.headers.get('content-encoding'), refusing).toBeNull();
    }
    for (const tag of [zippedTag, brotliTag, plain.headers.get('etag') ?? '']) {
      const again = await t.app.request('/archive/34-chambre-en-provence', {
        headers: { 'accept-encoding': 'gzip', 'if-none-match': tag },
      });
      expect(again.status).toBe(304);
    }
  });
});
