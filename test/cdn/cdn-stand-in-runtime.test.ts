import { createServer, type Server } from 'node:http';
import { testLocalConfig } from '../support/test-config.ts';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { createLocalApp } from '../../infra/local/runtime/local-app.ts';
import { edgeCache, type EdgeCache } from '../../infra/local/stand-ins/cdn/edge-cache.ts';
import { serveThroughCdn } from '../../infra/local/stand-ins/cdn/serve-through-cdn.ts';
import { memoryPublicObjects } from '../../shared/adapters/public-objects/memory-public-objects.ts';
import { examplePostBody } from '../builders/issue.ts';
import { signedPost } from '../support/signed-request.ts';
import { freshTable } from '../support/tables.ts';
import { BASE_URL, movableClock } from '../support/test-app.ts';
import { ask, headerOf, withoutDate } from './edge-requests.ts';

// Issue 26: the local runtime as `npm start` wires it, the edge in front, the render telling it what changed.

const SUNDAY_MORNING = '2026-11-29T08:00:00Z';
const PAGE = '/archive/34-chambre-en-provence';

let t: {
  app: ReturnType<typeof createLocalApp>['app'];
  clock: ReturnType<typeof movableClock>;
  cdn: EdgeCache;
  edgeUrl: string;
  originUrl: string;
};
const servers: Server[] = [];
beforeEach(async () => {
  const { tableName } = await freshTable(inject('dynaliteUrl'));
  const config = testLocalConfig(BASE_URL, tableName);
  const clock = movableClock();
  const cdn = edgeCache({ clock });
  const { app } = createLocalApp(config, { clock, publicObjects: memoryPublicObjects(), cdn });
  const edge = await serveThroughCdn({ fetch: app.fetch, cache: cdn });
  // The same app on @hono/node-server alone: what the edge's answers are compared with.
  const origin = createServer(getRequestListener(app.fetch));
  await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
  servers.push(edge.server, origin);
  t = {
    app,
    clock,
    cdn,
    edgeUrl: edge.url,
    originUrl: `http://127.0.0.1:${(origin.address() as AddressInfo).port}`,
  };
});
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
});

const post = async (changes: Record<string, unknown> = {}) => {
  const response = await t.app.request('/webhooks/posts', signedPost({ ...examplePostBody(), ...changes }));
  expect(response.status).toBeLessThan(300);
};

describe('the CDN stand-in in front of the local runtime', () => {
  it("serves the app's answers with the same status, header list and bytes as the app alone", async () => {
    await post();
    t.clock.set(SUNDAY_MORNING);
    for (const path of [PAGE, '/archive', '/archive/feed.xml', '/subscribe']) {
      for (const headers of [{ 'accept-encoding': 'gzip, deflate, br' }, {}]) {
        const origin = await ask(`${t.originUrl}${path}`, { headers });
        const miss = await ask(`${t.edgeUrl}${path}`, { headers });
        const hit = await ask(`${t.edgeUrl}${path}`, { headers });
        for (const answer of [miss, hit]) {
          expect(answer.status).toBe(200);
          expect(withoutDate(answer.headers)).toEqual(withoutDate(origin.headers));
          expect(answer.body.equals(origin.body)).toBe(true);
        }
      }
    }
    expect(t.cdn.stats().entries).toBe(8);
    expect(headerOf(await ask(`${t.edgeUrl}${PAGE}`), 'content-security-policy')).toContain('frame-src');
  });

  it('carries a revision on the very next request: the render invalidates what it changed', async () => {
    await post();
    t.clock.set(SUNDAY_MORNING);
    const before = await ask(`${t.edgeUrl}${PAGE}`);
    const oldTag = headerOf(before, 'etag') ?? '';
    expect((await ask(`${t.edgeUrl}${PAGE}`, { headers: { 'if-none-match': oldTag } })).status).toBe(304);
    await ask(`${t.edgeUrl}/archive`);

    await post({ story: '<p>Une histoire réécrite, dimanche matin.</p>' });

    const after = await ask(`${t.edgeUrl}${PAGE}`, { headers: { 'if-none-match': oldTag } });
    expect(after.status).toBe(200);
    expect(after.body.toString()).toContain('Une histoire réécrite, dimanche matin.');
    expect(headerOf(after, 'etag')).not.toBe(oldTag);
  });

  it('follows a new title at once: the old slug redirects and the list names the new one', async () => {
    await post();
    t.clock.set(SUNDAY_MORNING);
    expect((await ask(`${t.edgeUrl}${PAGE}`)).status).toBe(200);
    expect((await ask(`${t.edgeUrl}/archive`)).body.toString()).toContain('Chambre en Provence');

    await post({ title: 'Chambre en Camargue' });

    const moved = await ask(`${t.edgeUrl}${PAGE}`);
    expect(moved.status).toBe(301);
    expect(headerOf(moved, 'location')).toBe(`${BASE_URL}/archive/34-chambre-en-camargue`);
    const list = (await ask(`${t.edgeUrl}/archive`)).body.toString();
    expect(list).toContain('Chambre en Camargue');
    expect(list).not.toContain('Chambre en Provence');
  });

  // Issue 27: the edge sends the app what it needs to choose (Accept, Accept-Language) and keeps neither form.
  it('answers a wrong archive address with a page to a browser and problem+json to a client, keeping neither', async () => {
    await post();
    t.clock.set(SUNDAY_MORNING);
    const browser = { accept: 'text/html,*/*;q=0.8', 'accept-language': 'en-GB,en;q=0.9' };
    for (const path of ['/archive/35-decembre', '/archive?cursor=zz']) {
      for (const _ of [1, 2]) {
        const page = await ask(`${t.edgeUrl}${path}`, { headers: browser });
        expect(headerOf(page, 'content-type'), path).toBe('text/html; charset=UTF-8');
        expect(page.body.toString(), path).toContain('See all issues');
        const problem = await ask(`${t.edgeUrl}${path}`, { headers: { accept: 'application/json' } });
        expect(headerOf(problem, 'content-type'), path).toBe('application/problem+json; charset=utf-8');
        expect(problem.status, path).toBe(page.status);
        expect(headerOf(problem, 'cache-control'), path).toBe('no-store');
      }
    }
    expect(t.cdn.stats().entries).toBe(0);
  });

  it('passes the token routes, the redirects and every POST through to the app', async () => {
    await post();
    t.clock.set(SUNDAY_MORNING);
    for (const path of ['/confirm/nope', '/u/nope', '/preferences/nope', '/r/nope', '/health']) {
      const origin = await ask(`${t.originUrl}${path}`);
      const edge = await ask(`${t.edgeUrl}${path}`);
      expect(edge.status).toBe(origin.status);
    }
    const signUp = await ask(`${t.edgeUrl}/subscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=lectrice%40exemple.fr&name=Chlo%C3%A9',
    });
    expect(signUp.status).toBe(200);
    expect(t.cdn.stats().entries).toBe(0);
  });
});
