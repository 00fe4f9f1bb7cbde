import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { edgeCache, type EdgeCache } from '../../infra/local/stand-ins/cdn/edge-cache.ts';
import { serveThroughCdn } from '../../infra/local/stand-ins/cdn/serve-through-cdn.ts';
import { ask, handClock, headerOf } from './edge-requests.ts';

// Issue 26: the CloudFront of one machine, in front of an origin that counts what reaches it.

const PAGE = 'public, max-age=300, s-maxage=3600, stale-while-revalidate=60';
const LIST = 'public, max-age=300, s-maxage=300, stale-while-revalidate=60';

type Seen = { method: string; path: string; headers: Headers };
type Answer = (request: Request) => Response | Promise<Response>;

const page = (body: string, cacheControl = PAGE, extra: Record<string, string> = {}) =>
  new Response(body, {
    headers: {
      'content-type': 'text/html; charset=UTF-8',
      'cache-control': cacheControl,
      etag: `"${body.length}-${body.slice(0, 8)}"`,
      vary: 'accept-encoding',
      'x-content-type-options': 'nosniff',
      ...extra,
    },
  });

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
});

const edgeOver = async (answer: Answer, options: { maxEntries?: number; maxBytes?: number } = {}) => {
  const clock = handClock();
  const seen: Seen[] = [];
  const cache: EdgeCache = edgeCache({ clock, ...options });
  const { server, url } = await serveThroughCdn({
    fetch: (request) => {
      seen.push({
        method: request.method,
        path: new URL(request.url).pathname + new URL(request.url).search,
        headers: request.headers,
      });
      return answer(request);
    },
    cache,
  });
  servers.push(server);
  return { url, seen, clock, cache };
};

describe('the CDN stand-in', () => {
  it('asks the origin once, then answers from its copy with the same status, headers and bytes', async () => {
    const edge = await edgeOver(() => page('<p>Chambre en Provence</p>'));
    const first = await ask(`${edge.url}/archive/34-chambre-en-provence`);
    const second = await ask(`${edge.url}/archive/34-chambre-en-provence`);

    expect(edge.seen).toHaveLength(1);
    expect(second.status).toBe(200);
    expect(second.body.toString()).toBe('<p>Chambre en Provence</p>');
    expect(headerOf(second, 'x-content-type-options')).toBe('nosniff');
    expect(second.headers.filter((_, i) => i % 2 === 0)).toEqual(first.headers.filter((_, i) => i % 2 === 0));
  });

  it('answers a current copy with 304 from the stored ETag, without the origin', async () => {
    const edge = await edgeOver(() => page('<p>Chambre en Provence</p>'));
    const first = await ask(`${edge.url}/archive/34`);
    const etag = headerOf(first, 'etag') ?? '';

    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const again = await ask(`${edge.url}/archive/34`, { headers: { 'if-none-match': ifNoneMatch } });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
      expect(headerOf(again, 'etag')).toBe(etag);
      expect(headerOf(again, 'cache-control')).toBe(PAGE);
      expect(headerOf(again, 'x-content-type-options')).toBe('nosniff');
      expect(headerOf(again, 'content-type')).toBeUndefined();
    }
    const other = await ask(`${edge.url}/archive/34`, { headers: { 'if-none-match': '"not-this-one"' } });
    expect(other.status).toBe(200);
    expect(edge.seen).toHaveLength(1);
  });

  it('answers a HEAD from the copy, headers only', async () => {
    const edge = await edgeOver(() => page('<p>Chambre en Provence</p>'));
    await ask(`${edge.url}/archive/34`);
    const head = await ask(`${edge.url}/archive/34`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(headerOf(head, 'content-length')).toBe(String('<p>Chambre en Provence</p>'.length));
    expect(edge.seen).toHaveLength(1);
  });

  it('keeps a copy for its s-maxage on the clock, then asks the origin again', async () => {
    const edge = await edgeOver(() => page('<ol>the list</ol>', LIST));
    await ask(`${edge.url}/archive`);
    edge.clock.advance(299);
    await ask(`${edge.url}/archive`);
    expect(edge.seen).toHaveLength(1);
    edge.clock.advance(1);
    await ask(`${edge.url}/archive`);
    expect(edge.seen).toHaveLength(2);
  });

  it('drops the invalidated paths, every query and encoding of them, and keeps the others', async () => {
    let version = 1;
    const edge = await edgeOver((request) =>
      page(`<p>v${version} of ${new URL(request.url).pathname}</p>`, LIST),
    );
    const paths = [
      '/archive/34-chambre-en-provence',
      '/archive?cursor=2026-11-22_33',
      '/archive',
      '/archive/33',
    ];
    for (const path of paths) {
      await ask(`${edge.url}${path}`);
      await ask(`${edge.url}${path}`, { headers: { 'accept-encoding': 'gzip' } });
    }
    expect(edge.seen).toHaveLength(8);

    version = 2;
    await edge.cache.invalidate(['/archive/34-chambre-en-provence', '/archive']);
    const page34 = await ask(`${edge.url}/archive/34-chambre-en-provence`);
    expect(page34.body.toString()).toContain('v2');
    const second = await ask(`${edge.url}/archive?cursor=2026-11-22_33`, {
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(second.body.toString()).toContain('v2');
    const kept = await ask(`${edge.url}/archive/33`);
    expect(kept.body.toString()).toContain('v1');
    expect(edge.seen).toHaveLength(10);
  });

  it('drops every path under a prefix for an invalidation ending in *', async () => {
    const edge = await edgeOver(() => page('<p>a page</p>'));
    for (const path of ['/archive/34', '/archive/feed.xml', '/subscribe']) await ask(`${edge.url}${path}`);
    await edge.cache.invalidate(['/archive/*']);
    for (const path of ['/archive/34', '/archive/feed.xml', '/subscribe']) await ask(`${edge.url}${path}`);
    expect(edge.seen.map((seen) => seen.path)).toEqual([
      '/archive/34',
      '/archive/feed.xml',
      '/subscribe',
      '/archive/34',
      '/archive/feed.xml',
    ]);
  });

  it('keeps one copy per encoding as Vary says, asking the origin for br,gzip, br, gzip or identity as CloudFront normalises them', async () => {
    const edge = await edgeOver((request) =>
      page(`bytes for ${request.headers.get('accept-encoding') ?? 'identity'}`),
    );
    const expected: [string | undefined, string][] = [
      ['gzip, deflate, br', 'br,gzip'],
      ['br;q=1.0, gzip;q=0.8', 'br,gzip'],
      ['gzip', 'gzip'],
      ['deflate, gzip', 'gzip'],
      ['br', 'br'],
      ['br, gzip;q=0', 'br'],
      [undefined, 'identity'],
      ['identity', 'identity'],
      ['gzip;q=0', 'identity'],
    ];
    for (const [acceptEncoding, normalised] of expected) {
      const headers: Record<string, string> = acceptEncoding ? { 'accept-encoding': acceptEncoding } : {};
      const answer = await ask(`${edge.url}/archive/feed.xml`, { headers });
      expect(answer.body.toString(), String(acceptEncoding)).toBe(`bytes for ${normalised}`);
    }
    // One origin request per normalised value, whatever the spelling.
    expect(edge.seen.map((seen) => seen.headers.get('accept-encoding'))).toEqual([
      'br,gzip',
      'gzip',
      'br',
      null,
    ]);
  });

  it("keys the sign-up form on the reader's languages and its forwarded query, as its cache policy does", async () => {
    const edge = await edgeOver((request) =>
      page(`form in ${request.headers.get('accept-language') ?? 'default'}`, LIST, {
        vary: 'accept-language, accept-encoding',
      }),
    );
    for (const _ of [1, 2]) {
      await ask(`${edge.url}/subscribe`, { headers: { 'accept-language': 'fr-FR' } });
      await ask(`${edge.url}/subscribe`, { headers: { 'accept-language': 'en-GB' } });
      await ask(`${edge.url}/subscribe?lang=en`);
    }
    const english = await ask(`${edge.url}/subscribe`, { headers: { 'accept-language': 'en-GB' } });
    expect(english.body.toString()).toBe('form in en-GB');
    expect(edge.seen.map((seen) => seen.path)).toEqual(['/subscribe', '/subscribe', '/subscribe?lang=en']);
  });

  it('never keeps the token routes, the redirects, the studio, the admin, a POST or a query it does not forward', async () => {
    // An origin marking everything public: what is never cached is the edge's rule, not the app's headers.
    const edge = await edgeOver(() => page('<p>anything</p>'));
    const requests: [string, string][] = [
      ['GET', '/confirm/token'],
      ['GET', '/u/token'],
      ['GET', '/preferences/token'],
      ['GET', '/data/secret'],
      ['GET', '/r/link'],
      ['GET', '/studio'],
      ['GET', '/admin/issues'],
      ['GET', '/archive?utm_source=mastodon'],
      ['GET', '/archive/34?cursor=x'],
      ['GET', '/archives'],
      ['POST', '/subscribe'],
      ['POST', '/archive'],
    ];
    for (const [method, path] of requests) {
      await ask(`${edge.url}${path}`, { method });
      await ask(`${edge.url}${path}`, { method });
    }
    expect(edge.seen).toHaveLength(requests.length * 2);
    expect(edge.cache.stats().entries).toBe(0);
  });

  it('never keeps a 500, nor an answer marked no-store, private, without Cache-Control, with a cookie or a Vary outside the key', async () => {
    const answers: Record<string, () => Response> = {
      '/archive/500': () => new Response('boom', { status: 500, headers: { 'cache-control': PAGE } }),
      '/archive/no-store': () => page('x', 'no-store'),
      '/archive/private': () => page('x', 'private, max-age=300'),
      '/archive/bare': () => new Response('x', { headers: { 'content-type': 'text/html' } }),
      '/archive/cookie': () => page('x', PAGE, { 'set-cookie': 'session=1' }),
      '/archive/vary': () => page('x', PAGE, { vary: 'cookie, accept-encoding' }),
      '/archive/302': () =>
        new Response(null, { status: 302, headers: { location: '/', 'cache-control': PAGE } }),
    };
    const edge = await edgeOver((request) => (answers[new URL(request.url).pathname] ?? (() => page('?')))());
    for (const path of Object.keys(answers)) {
      const first = await ask(`${edge.url}${path}`);
      await ask(`${edge.url}${path}`);
      if (path === '/archive/500') expect(first.status).toBe(500);
    }
    expect(edge.seen).toHaveLength(Object.keys(answers).length * 2);
    expect(edge.cache.stats().entries).toBe(0);
  });

  it('keeps a redirect and a missing page the origin marks public', async () => {
    const edge = await edgeOver((request) =>
      new URL(request.url).pathname === '/archive/34'
        ? new Response(null, {
            status: 301,
            headers: { location: '/archive/34-chambre', 'cache-control': PAGE },
          })
        : new Response('gone', { status: 404, headers: { 'cache-control': LIST } }),
    );
    for (const _ of [1, 2]) {
      expect((await ask(`${edge.url}/archive/34`)).status).toBe(301);
      expect((await ask(`${edge.url}/archive/99`)).status).toBe(404);
    }
    expect(edge.seen).toHaveLength(2);
  });

  it('makes one origin request for many concurrent misses of one key: the stampede', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const edge = await edgeOver(async () => {
      await held;
      return page('<p>the new issue</p>');
    });
    const readers = Array.from({ length: 50 }, () =>
      ask(`${edge.url}/archive/35-nouveau`, { headers: { 'accept-encoding': 'gzip' } }),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    const answers = await Promise.all(readers);
    expect(edge.seen).toHaveLength(1);
    expect(
      answers.every((answer) => answer.status === 200 && answer.body.toString() === '<p>the new issue</p>'),
    ).toBe(true);
  });

  it('sends Accept and Accept-Language on without keying them, and shares no miss between two forms', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const edge = await edgeOver(async (request) => {
      await held;
      const form = request.headers.get('accept') ?? 'none';
      const words = request.headers.get('accept-language') ?? 'none';
      return new Response(`${form} in ${words}`, {
        status: 404,
        headers: { 'cache-control': 'no-store', vary: 'Accept, Accept-Language' },
      });
    });
    const browser = { accept: 'text/html', 'accept-language': 'en-GB' };
    const client = { accept: 'application/json' };
    const answers = Promise.all(
      [browser, client, browser].map((headers) => ask(`${edge.url}/archive/99`, { headers })),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    expect((await answers).map((answer) => answer.body.toString())).toEqual([
      'text/html in en-GB',
      'application/json in none',
      'text/html in en-GB',
    ]);
    expect(edge.seen).toHaveLength(2);
    expect((await ask(`${edge.url}/archive/99`, { headers: client })).body.toString()).toBe(
      'application/json in none',
    );
    expect(edge.cache.stats().entries).toBe(0);
  });

  it('does not keep what a miss begun before an invalidation fetched, and asks again after it', async () => {
    let release = () => {};
    let version = 1;
    const edge = await edgeOver(async () => {
      const mine = version;
      if (mine === 1) await new Promise<void>((resolve) => (release = resolve));
      return page(`<p>v${mine}</p>`);
    });
    const before = ask(`${edge.url}/archive/34`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    version = 2;
    await edge.cache.invalidate(['/archive/34']);
    const after = await ask(`${edge.url}/archive/34`);
    release();
    expect((await before).body.toString()).toBe('<p>v1</p>');
    expect(after.body.toString()).toBe('<p>v2</p>');
    expect((await ask(`${edge.url}/archive/34`)).body.toString()).toBe('<p>v2</p>');
    expect(edge.seen).toHaveLength(2);
  });

  it('stays within its bound of entries and bytes, the least recently used going first', async () => {
    const edge = await edgeOver((request) => page(`<p>${new URL(request.url).pathname}</p>`), {
      maxEntries: 3,
    });
    for (const n of [1, 2, 3]) await ask(`${edge.url}/archive/${n}`);
    await ask(`${edge.url}/archive/1`);
    for (const n of [4, 5]) await ask(`${edge.url}/archive/${n}`);
    expect(edge.cache.stats().entries).toBe(3);
    await ask(`${edge.url}/archive/1`);
    expect(edge.seen.map((seen) => seen.path)).toEqual([
      '/archive/1',
      '/archive/2',
      '/archive/3',
      '/archive/4',
      '/archive/5',
    ]);

    const big = 'x'.repeat(10_000);
    const small = await edgeOver(() => page(big), { maxBytes: 200_000 });
    for (let n = 0; n < 40; n += 1) await ask(`${small.url}/archive/${n}`);
    const { entries, bytes } = small.cache.stats();
    expect(bytes).toBeLessThanOrEqual(200_000);
    expect(entries).toBeGreaterThan(0);
    expect(entries).toBeLessThan(40);
  });
});
