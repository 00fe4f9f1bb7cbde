import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeWeb, fakeWebRoute, startFakeWeb } from '../../infra/local/stand-ins/music/fake-web.ts';
import {
  loopbackSpellings,
  startTrapListener,
  type TrapListener,
} from '../../infra/local/stand-ins/music/trap-listener.ts';
import { lambdaOutbound } from '../../shared/adapters/http/lambda-outbound.ts';
import { guardedFetch } from '../../shared/adapters/http/guarded-fetch.ts';
import { addressRange } from '../../shared/adapters/http/public-address.ts';
import { StandIns } from '../../shared/adapters/http/stand-ins.ts';

let web: FakeWeb;
/** On 127.0.0.1 and ::1: where every loopback spelling of its port lands. */
let loopbackTrap: TrapListener;
/** On a second loopback address, as a Lambda's Runtime API or a metadata service would be. */
let secondTrap: TrapListener;

beforeAll(async () => {
  [web, loopbackTrap, secondTrap] = await Promise.all([
    startFakeWeb(),
    startTrapListener({ hosts: ['127.0.0.1', '::1'] }),
    startTrapListener({ hosts: ['127.0.0.2'] }),
  ]);
});
afterAll(async () => {
  expect(loopbackTrap.connections()).toBe(0);
  expect(secondTrap.connections()).toBe(0);
  await Promise.all([web.close(), loopbackTrap.close(), secondTrap.close()]);
});
beforeEach(async () => {
  await web.control.reset();
});

const local = (options: Parameters<typeof guardedFetch>[0] = {}) =>
  guardedFetch({ standIns: new StandIns([web.url], fakeWebRoute(web.url)), timeoutMs: 3_000, ...options });

const noTrapReached = () => {
  expect(loopbackTrap.connections()).toBe(0);
  expect(secondTrap.connections()).toBe(0);
};

describe('the address rules (ipaddr.js ranges)', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.1.2.3', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['224.0.0.1', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['::1', 'loopback'],
    ['fd00::1', 'uniqueLocal'],
    ['fe80::1', 'linkLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::7f00:1', 'unassigned'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['2002:7f00:1::', '6to4'],
    ['8.8.8.8', 'unicast'],
    ['64:ff9b::808:808', 'unicast'],
    ['2606:4700::1111', 'unicast'],
  ])('%s is %s', (address, range) => {
    expect(addressRange(address)).toBe(range);
  });
});

describe('the guarded client', () => {
  it('reaches a stand-in on this machine, and the web through the fake', async () => {
    const own = await local()(`${web.url}/page`);
    expect(own).toMatchObject({ kind: 'answer', status: 200 });
    const routed = await local()('https://open.spotify.com/track/abc');
    expect(routed).toMatchObject({ kind: 'answer', status: 200, url: 'https://open.spotify.com/track/abc' });
    expect((await web.control.requests()).map((r) => r.url)).toEqual([
      `${web.url}/page`,
      'https://open.spotify.com/track/abc',
    ]);
  });

  it.each(loopbackSpellings(0))('refuses %s (any port) before any connection', async (spelling) => {
    const url = spelling.replace(':0/', `:${loopbackTrap.port}/`);
    expect(await local()(url)).toMatchObject({ kind: 'refused', reason: 'not_public' });
    noTrapReached();
  });

  it('refuses the second loopback address, private and metadata addresses', async () => {
    for (const url of [`${secondTrap.url}/`, 'http://10.0.0.1/', 'http://169.254.169.254/latest/meta-data/'])
      expect(await local()(url)).toMatchObject({ kind: 'refused', reason: 'not_public' });
    noTrapReached();
  });

  it.each(loopbackSpellings(0))('refuses a redirect to %s on every hop', async (spelling) => {
    const to = spelling.replace(':0/', `:${loopbackTrap.port}/hop`);
    await web.control.redirect('http://blog.example/cover.jpg', 'http://cdn.example/next');
    await web.control.redirect('http://cdn.example/next', to, 302);
    const result = await local()('http://blog.example/cover.jpg');
    expect(result).toMatchObject({ kind: 'refused', reason: 'not_public' });
    await web.control.redirect('https://blog.example/cover.jpg', to.replace('http:', 'https:'));
    expect(await local()('https://blog.example/cover.jpg')).toMatchObject({ reason: 'not_public' });
    noTrapReached();
  });

  it('checks the address connected to, after DNS: a name that resolves to loopback is refused', async () => {
    const rebinding = guardedFetch({
      lookup: async () => [{ address: '127.0.0.2', family: 4 }],
      timeoutMs: 3_000,
    });
    const result = await rebinding(`http://rebind.example:${secondTrap.port}/`);
    expect(result).toMatchObject({ kind: 'refused', reason: 'not_public' });
    expect(result.kind === 'refused' && result.detail).toContain('127.0.0.2');
    // Without stand-ins, `localhost` goes through the system's DNS and is refused at connect time too.
    expect(await guardedFetch()(`http://localhost:${loopbackTrap.port}/`)).toMatchObject({
      kind: 'refused',
      reason: 'not_public',
    });
    noTrapReached();
  });

  it('as every Lambda builds it, reaches no loopback address, stand-in or not', async () => {
    for (const url of [`${web.url}/page`, `${secondTrap.url}/`, `http://localhost:${loopbackTrap.port}/`])
      expect(await lambdaOutbound()(url), url).toMatchObject({ kind: 'refused', reason: 'not_public' });
    expect(await web.control.requests()).toEqual([]);
    noTrapReached();
  });

  it('refuses what is not http(s), and a redirect from https to http', async () => {
    for (const url of ['file:///etc/passwd', 'data:text/plain,hi', 'ftp://example.org/x', 'gopher://x/'])
      expect(await local()(url)).toMatchObject({ kind: 'refused', reason: 'not_web' });
    await web.control.redirect('https://secure.example/', 'http://plain.example/');
    expect(await local()('https://secure.example/')).toMatchObject({ kind: 'refused', reason: 'downgrade' });
    expect(await local()('not a url')).toMatchObject({ kind: 'refused', reason: 'invalid_url' });
  });

  it('follows at most its cap of redirects, and hands a 3xx back when told to follow none', async () => {
    for (let hop = 0; hop < 4; hop++)
      await web.control.redirect(`https://hops.example/${hop}`, `https://hops.example/${hop + 1}`);
    expect(await local({ redirects: 3 })('https://hops.example/0')).toMatchObject({
      kind: 'refused',
      reason: 'too_many_redirects',
    });
    expect(await local()('https://hops.example/0')).toMatchObject({
      kind: 'answer',
      status: 200,
      url: 'https://hops.example/4',
      redirects: [
        'https://hops.example/1',
        'https://hops.example/2',
        'https://hops.example/3',
        'https://hops.example/4',
      ],
    });
    const manual = await local()('https://hops.example/0', { redirects: 0 });
    expect(manual).toMatchObject({ kind: 'answer', status: 301 });
    expect(manual.kind === 'answer' && manual.header('location')).toBe('https://hops.example/1');
  });

  it('stops an endless body at its size cap', async () => {
    await web.control.endless('https://endless.example/cover.png');
    const answer = await local()('https://endless.example/cover.png', { maxBytes: 1_000_000 });
    expect(answer.kind).toBe('answer');
    if (answer.kind === 'answer')
      expect(await answer.body()).toEqual({ kind: 'too_large', maxBytes: 1_000_000 });
  });

  it('stops a slow drip at its time cap', async () => {
    await web.control.drip('https://drip.example/feed.xml');
    const started = performance.now();
    const answer = await local()('https://drip.example/feed.xml', { timeoutMs: 600 });
    expect(answer.kind).toBe('answer');
    if (answer.kind === 'answer')
      expect(await answer.body()).toMatchObject({ kind: 'failed', timedOut: true });
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('gives a slow answer up at its time cap', async () => {
    await web.control.slow('https://slow.example/', 2_000);
    expect(await local()('https://slow.example/', { timeoutMs: 300 })).toMatchObject({
      kind: 'failed',
      timedOut: true,
      detail: 'no answer within 300 ms',
    });
  });
});
