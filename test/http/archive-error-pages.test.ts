import { beforeEach, describe, expect, it } from 'vitest';
import { BASE_URL, testApp } from '../support/test-app.ts';
import { attribute, elementsOf, text } from './archive-support.ts';

// Issue 27: a reader who follows a wrong archive address sees a page in the public layout, not JSON; an API
// client keeps its problem+json. Neither form may be kept by a cache that keys on neither Accept header.

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp();
});

const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const WRONG = [
  { path: '/archive/35-decembre', status: 404, title: 'Numéro introuvable', type: 'issue-not-found' },
  { path: '/archive?cursor=zz', status: 422, title: 'Page introuvable', type: 'invalid-fields' },
] as const;

const expectUncached = (response: Response) => {
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('vary')).toMatch(/\bAccept\b/);
};

describe('a wrong archive address', () => {
  it.each(WRONG)(
    'answers a browser $status with a page that leads back to the list ($path)',
    async (wrong) => {
      const response = await t.app.request(wrong.path, { headers: { accept: BROWSER } });
      expect(response.status).toBe(wrong.status);
      expect(response.headers.get('content-type')).toBe('text/html; charset=UTF-8');
      expectUncached(response);
      const html = await response.text();
      expect(attribute(elementsOf(html, (e) => e.name === 'html')[0], 'lang')).toBe('fr');
      expect(elementsOf(html, (e) => e.name === 'main')).toHaveLength(1);
      expect(text(elementsOf(html, (e) => e.name === 'h1')[0])).toBe(wrong.title);
      const back = elementsOf(html, (e) => e.name === 'a')[0];
      expect(attribute(back, 'href')).toBe(`${BASE_URL}/archive`);
      expect(text(back)).toBe('Voir tous les numéros');
    },
  );

  it('speaks the language the browser asks for', async () => {
    const response = await t.app.request('/archive/35-decembre', {
      headers: { accept: BROWSER, 'accept-language': 'en-GB,en;q=0.9' },
    });
    const html = await response.text();
    expect(attribute(elementsOf(html, (e) => e.name === 'html')[0], 'lang')).toBe('en');
    expect(text(elementsOf(html, (e) => e.name === 'h1')[0])).toBe('Issue not found');
  });

  it.each(
    WRONG.flatMap((wrong) =>
      [undefined, '*/*', 'application/json', 'application/problem+json'].map((accept) => ({
        ...wrong,
        accept,
      })),
    ),
  )('answers $path with problem+json when Accept is $accept', async ({ path, status, type, accept }) => {
    const response = await t.app.request(path, accept === undefined ? {} : { headers: { accept } });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expectUncached(response);
    expect(await response.json()).toMatchObject({ type: `https://dimanche.dev/problems/${type}`, status });
  });
});
