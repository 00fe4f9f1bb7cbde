import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeWeb, startFakeWeb } from '../../infra/local/stand-ins/music/fake-web.ts';
import { localOutbound } from '../../infra/local/stand-ins/local-outbound.ts';
import { fetchLinkChecker } from '../../shared/adapters/http/fetch-link-checker.ts';
import { guardedFetch } from '../../shared/adapters/http/guarded-fetch.ts';
import type { OutboundFetch } from '../../shared/ports/outbound-fetch.ts';

const USER_AGENT = 'DimancheLinkCheck/1.0 (+https://newsletter.example.org)';

let web: FakeWeb;
beforeAll(async () => {
  web = await startFakeWeb();
});
afterAll(() => web.close());
beforeEach(() => web.control.reset());

const checker = (options: { timeoutMs?: number; maxRedirects?: number; outbound?: OutboundFetch } = {}) =>
  fetchLinkChecker({
    timeoutMs: 2_000,
    maxRedirects: 5,
    userAgent: USER_AGENT,
    outbound: localOutbound({ standIns: [], web: web.url }),
    ...options,
  });

const at = (path: string) => `${web.url}${path}`;

const methodsFor = async (url: string) =>
  (await web.control.requests()).filter((r) => r.url === url).map((r) => r.method);

/** A port nothing listens on: bound by the OS, then released. */
const closedPort = async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};

describe('the link checker against the fake web', () => {
  it('takes a page that answers HEAD with 200 as ok, with one HEAD and our user agent', async () => {
    expect(await checker().check(at('/track/1'))).toEqual({ kind: 'ok', status: 200 });
    const requests = await web.control.requests();
    expect(requests).toEqual([{ method: 'HEAD', url: at('/track/1'), userAgent: USER_AGENT }]);
  });

  it.each([404, 410] as const)('calls a page answering %i dead, confirmed by a GET', async (status) => {
    await web.control.dead(at('/gone'), status);
    const result = await checker().check(at('/gone'));
    expect(result).toMatchObject({ kind: 'dead', status });
    expect(result.kind === 'dead' && result.detail).toContain(String(status));
    expect(await methodsFor(at('/gone'))).toEqual(['HEAD', 'GET']);
  });

  it.each([405, 403, 501])('asks again with GET when HEAD is refused with %i', async (status) => {
    await web.control.refuseHead(at('/no-head'), status);
    expect(await checker().check(at('/no-head'))).toEqual({ kind: 'ok', status: 200 });
    expect(await methodsFor(at('/no-head'))).toEqual(['HEAD', 'GET']);
  });

  it('follows a redirect by hand, relative Location included, and judges where it lands', async () => {
    await web.control.redirect(at('/short'), '/long/page', 302);
    expect(await checker().check(at('/short'))).toEqual({ kind: 'ok', status: 200 });
    expect(await methodsFor(at('/long/page'))).toEqual(['HEAD']);
  });

  it('calls a link redirecting to a dead page dead, naming where it went', async () => {
    await web.control.redirect(at('/old'), at('/removed'));
    await web.control.dead(at('/removed'), 410);
    expect(await checker().check(at('/old'))).toEqual({
      kind: 'dead',
      status: 410,
      detail: `HTTP 410 Gone after redirect to ${at('/removed')}`,
    });
  });

  it('calls a redirect loop unreachable after one turn', async () => {
    await web.control.redirect(at('/a'), at('/b'));
    await web.control.redirect(at('/b'), at('/a'));
    expect(await checker().check(at('/a'))).toEqual({
      kind: 'unreachable',
      detail: `redirect loop at ${at('/a')}`,
    });
    expect(await methodsFor(at('/a'))).toEqual(['HEAD']);
  });

  it('gives up after maxRedirects redirects', async () => {
    for (const n of [1, 2, 3]) await web.control.redirect(at(`/hop${n}`), at(`/hop${n + 1}`));
    expect(await checker({ maxRedirects: 2 }).check(at('/hop1'))).toEqual({
      kind: 'unreachable',
      detail: 'more than 2 redirects',
    });
    expect(await checker({ maxRedirects: 3 }).check(at('/hop1'))).toEqual({ kind: 'ok', status: 200 });
  });

  it('calls a page slower than the timeout unreachable, and returns soon after the timeout', async () => {
    await web.control.slow(at('/slow'), 10_000);
    const started = performance.now();
    const result = await checker({ timeoutMs: 300 }).check(at('/slow'));
    const took = performance.now() - started;
    expect(result).toEqual({ kind: 'unreachable', detail: 'no answer within 300 ms' });
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(1_500);
  });

  it('bounds the whole check, not each request: a slow GET after a refused HEAD still times out', async () => {
    await web.control.rule(at('/slow-get'), { headStatus: 405, delayMs: 10_000 });
    const started = performance.now();
    expect(await checker({ timeoutMs: 300 }).check(at('/slow-get'))).toMatchObject({ kind: 'unreachable' });
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('calls a server error or a refusal unreachable, not dead', async () => {
    await web.control.rule(at('/sick'), { status: 503 });
    await web.control.rule(at('/bot-wall'), { status: 403 });
    expect(await checker().check(at('/sick'))).toEqual({
      kind: 'unreachable',
      detail: 'HTTP 503 Service Unavailable',
    });
    expect(await checker().check(at('/bot-wall'))).toEqual({
      kind: 'unreachable',
      detail: 'HTTP 403 Forbidden',
    });
  });

  it('calls a refused connection unreachable instead of throwing', async () => {
    const port = await closedPort();
    // A stand-in that went away: the only loopback address the guarded client would try.
    const outbound = localOutbound({ standIns: [`http://127.0.0.1:${port}`] });
    expect(await checker({ outbound }).check(`http://127.0.0.1:${port}/x`)).toEqual({
      kind: 'unreachable',
      detail: 'connection refused',
    });
  });

  it('names DNS failures and never throws for a broken link', async () => {
    const noSuchHost = guardedFetch({
      lookup: () =>
        Promise.reject(Object.assign(new Error('getaddrinfo ENOTFOUND nope.example'), { code: 'ENOTFOUND' })),
    });
    expect(await checker({ outbound: noSuchHost }).check('https://nope.example/')).toEqual({
      kind: 'unreachable',
      detail: 'DNS: no such host',
    });
    expect(await checker().check('not a url')).toEqual({ kind: 'unreachable', detail: 'not a valid URL' });
    expect(await checker().check('mailto:a@b.example')).toMatchObject({ kind: 'unreachable' });
  });
});

describe('the fake web behind the guarded client', () => {
  it('checks real-looking https links on the fake web, which sees the original address', async () => {
    const routed = checker();
    const track = 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC?si=abc';
    await web.control.dead('https://www.deezer.com/track/999', 404);
    expect(await routed.check(track)).toEqual({ kind: 'ok', status: 200 });
    expect(await routed.check('https://www.deezer.com/track/999')).toMatchObject({
      kind: 'dead',
      status: 404,
    });
    expect((await web.control.requests()).map((r) => r.url)).toEqual([
      track,
      'https://www.deezer.com/track/999',
      'https://www.deezer.com/track/999',
    ]);
  });

  it('follows a redirect between two hosts of the outside world', async () => {
    await web.control.redirect('https://deezer.page.link/abc', 'https://www.deezer.com/track/3135556');
    await web.control.dead('https://www.deezer.com/track/3135556', 410);
    expect(await checker().check('https://deezer.page.link/abc')).toMatchObject({
      kind: 'dead',
      status: 410,
    });
  });

  it('answers an image for an image-looking path and a page otherwise', async () => {
    const get = localOutbound({ standIns: [], web: web.url });
    const image = await get('https://images.example.org/covers/01.jpg');
    if (image.kind !== 'answer') throw new Error(`no answer: ${image.detail}`);
    expect(image.header('content-type')).toBe('image/png');
    const bytes = await image.body();
    expect(bytes.kind === 'body' && Buffer.from(bytes.bytes.slice(1, 4)).toString()).toBe('PNG');
    const page = await get('https://www.deezer.com/track/1');
    expect(page.kind === 'answer' && page.header('content-type')).toContain('text/html');
  });
});
