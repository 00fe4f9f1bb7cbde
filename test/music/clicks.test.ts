import { Hono } from 'hono';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { withProblems } from '../../functions/http/with-problems.ts';
import { createJsonLogger } from '../../shared/adapters/log/json-logger.ts';
import { redirectRoutes } from '../../functions/routes/redirect.ts';
import { dynamoClickStore } from '../../shared/adapters/dynamodb/click-store.ts';
import { type ClickLink, clickLink } from '../../shared/domain/music/click-link.ts';
import type { ClickStore } from '../../shared/ports/click-store.ts';
import { freshTable } from '../support/tables.ts';

const DEEZER = clickLink({
  issueId: 'iss_34',
  position: 3,
  platform: 'deezer',
  target: 'https://www.deezer.com/track/3135556?utm_source=dimanche&x=%C3%A9',
});
// A target that would be an open redirect's prize: reachable only because it was registered.
const EVIL = clickLink({
  issueId: 'iss_34',
  position: 4,
  platform: 'universal',
  target: 'https://evil.example/',
});

/** Every store call, so a test can tell a refusal made without reading from one that read. */
const spied = (inner: ClickStore) => {
  const calls: string[] = [];
  const store: ClickStore = {
    register: inner.register,
    find: (id) => (calls.push(`find ${id}`), inner.find(id)),
    count: (link) => (calls.push(`count ${link.id}`), inner.count(link)),
    countsFor: inner.countsFor,
  };
  return { store, calls };
};

const logLines: string[] = [];
const logger = createJsonLogger({ service: 'test', write: (line) => void logLines.push(line) });

const appWith = (clicks: Pick<ClickStore, 'find' | 'count'>) =>
  withProblems(new Hono().route('/r', redirectRoutes({ clicks, logger })), { logger });

let clicks: ReturnType<typeof spied>;
let app: ReturnType<typeof appWith>;
beforeEach(async () => {
  const { doc, tableName } = await freshTable(inject('dynaliteUrl'));
  const store = dynamoClickStore(doc, tableName);
  await store.register([DEEZER, EVIL]);
  clicks = spied(store);
  app = appWith(clicks.store);
  logLines.length = 0;
});

const expectNotFound = async (response: Response) => {
  expect(response.status).toBe(404);
  expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
  expect(response.headers.get('location')).toBeNull();
  expect(await response.json()).toMatchObject({ status: 404 });
};

const altered = (id: string, at: number) =>
  `${id.slice(0, at)}${id[at] === 'A' ? 'B' : 'A'}${id.slice(at + 1)}`;

describe('GET /r/:linkId', () => {
  it('redirects a registered link to exactly its target, uncached, without referrer or cookie, and counts it', async () => {
    const response = await app.request(`/r/${DEEZER.id}`);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(DEEZER.target);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('set-cookie')).toBeNull();
    await app.request(`/r/${DEEZER.id}`);
    expect(await clicks.store.countsFor('iss_34')).toEqual([
      { issueId: 'iss_34', position: 3, platform: 'deezer', clicks: 2 },
    ]);
  });

  it('answers a HEAD (a mail scanner probing the link) with the same redirect, without counting it', async () => {
    const response = await app.request(`/r/${DEEZER.id}`, { method: 'HEAD' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(DEEZER.target);
    expect(await clicks.store.countsFor('iss_34')).toEqual([]);
    expect(clicks.calls).toEqual([`find ${DEEZER.id}`]);
  });

  it('answers 404 problem+json to an id of the right shape that was never registered', async () => {
    await expectNotFound(await app.request('/r/AAAAAAAAAAAAAAAAAAAAAA'));
    expect(await clicks.store.countsFor('iss_34')).toEqual([]);
  });

  it.each([0, 10, 21])('answers 404 to a registered id with character %i changed', async (at) => {
    const id = altered(DEEZER.id, at);
    expect(id).not.toBe(DEEZER.id);
    await expectNotFound(await app.request(`/r/${id}`));
    expect(clicks.calls).toEqual([`find ${id}`]);
  });

  it.each([
    ['too short', DEEZER.id.slice(0, 21)],
    ['too long', `${DEEZER.id}A`],
    ['with a dot', `${DEEZER.id.slice(0, 21)}.`],
    ['percent-encoded +', `${DEEZER.id.slice(0, 21)}%2B`],
    ['an issue id', 'iss_34'],
    ['a subscriber id', 'sub_0123456789abcdef0123'],
    ['a URL', encodeURIComponent('https://evil.example/')],
  ])('answers 404 to a malformed id (%s) without reading the store', async (_, id) => {
    await expectNotFound(await app.request(`/r/${id}`));
    expect(clicks.calls).toEqual([]);
  });

  it('takes nothing from the request but the id: a query names no target, extra path is no route', async () => {
    for (const query of ['url', 'target', 'next', 'redirect', 'to', 'location']) {
      const response = await app.request(
        `/r/${DEEZER.id}?${query}=${encodeURIComponent('https://evil.example/')}`,
      );
      expect(response.headers.get('location')).toBe(DEEZER.target);
    }
    await expectNotFound(await app.request(`/r/${DEEZER.id}/https://evil.example/`));
    await expectNotFound(await app.request(`/r/${DEEZER.id}/`));
    await expectNotFound(await app.request('/r/https://evil.example/'));
    await expectNotFound(await app.request('/r/'));
    const posted = await app.request(`/r/${DEEZER.id}`, {
      method: 'POST',
      body: new URLSearchParams({ target: 'https://evil.example/' }),
    });
    expect(posted.status).toBe(404);
    expect(posted.headers.get('location')).toBeNull();
  });

  it('redirects to a surprising target only through the id it was registered under', async () => {
    const response = await app.request(`/r/${EVIL.id}`);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('https://evil.example/');
    // The same target under the id of another position was never registered.
    const { id: _, ...content } = EVIL;
    const unregistered = clickLink({ ...content, position: 5 });
    expect(unregistered.id).not.toBe(EVIL.id);
    await expectNotFound(await app.request(`/r/${unregistered.id}`));
  });

  it('still sends the reader where they clicked when the count cannot be written, and logs it', async () => {
    const failing = appWith({
      find: clicks.store.find,
      count: async () => {
        throw new Error('ProvisionedThroughputExceededException');
      },
    });
    const response = await failing.request(`/r/${DEEZER.id}`);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(DEEZER.target);
    const logged = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toEqual([
      expect.objectContaining({
        level: 'error',
        message: 'click not counted',
        issueId: 'iss_34',
        position: 3,
        platform: 'deezer',
      }),
    ]);
  });

  it('answers 500 problem+json, not a redirect, when the link cannot be read', async () => {
    const failing = appWith({
      find: async (): Promise<ClickLink | undefined> => {
        throw new Error('connection reset');
      },
      count: clicks.store.count,
    });
    const response = await failing.request(`/r/${DEEZER.id}`);
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(response.headers.get('location')).toBeNull();
  });
});
