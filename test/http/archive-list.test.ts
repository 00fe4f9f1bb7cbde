import { beforeEach, describe, expect, it } from 'vitest';
import { ARCHIVE_PAGE_SIZE } from '../../functions/routes/archive.ts';
import { anIssue } from '../builders/issue.ts';
import { BASE_URL, testApp } from '../support/test-app.ts';
import { activeContentIn } from '../support/xss-corpus.ts';
import { attribute, byClass, elementsOf, metaOf, storeRendered, text } from './archive-support.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp();
});

const listPage = async (path = '/archive') => {
  const response = await t.app.request(path);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/html; charset=UTF-8');
  return response.text();
};

const titlesOf = (html: string) => elementsOf(html, byClass('title')).map(text);
const linksOf = (html: string) => elementsOf(html, byClass('issue')).map((a) => attribute(a, 'href'));
const relLink = (html: string, rel: string) =>
  attribute(elementsOf(html, (e) => e.attribs.rel === rel)[0], 'href');

describe('the archive list', () => {
  it('lists the published issues newest first: number, Sunday in French, cover, title, subtitle, link', async () => {
    await storeRendered(t.issues, { series: 33, sunday: '2026-11-22', title: 'Un dimanche à Nîmes' });
    await storeRendered(t.issues, { series: 34, sunday: '2026-11-29' });
    t.clock.set('2026-11-29T08:00:00Z');

    const html = await listPage();
    expect(titlesOf(html)).toEqual(['Chambre en Provence', 'Un dimanche à Nîmes']);
    expect(linksOf(html)).toEqual([
      `${BASE_URL}/archive/34-chambre-en-provence`,
      `${BASE_URL}/archive/33-un-dimanche-a-nimes`,
    ]);
    expect(html).toContain('<span class="number">#34</span>');
    expect(html).toContain('<time datetime="2026-11-29">dimanche 29 novembre 2026</time>');
    expect(html).toContain('15\u00a0titres');
    expect(attribute(elementsOf(html, byClass('thumb'))[0], 'src')).toBe(
      'https://images.example.org/oss-34/lavande.jpg',
    );
    expect(text(elementsOf(html, byClass('subtitle'))[0])).toBe(
      'Neuf mois intenses, une semaine dans le Gard et une playlist pour la Fête de la musique 😉',
    );
    expect(relLink(html, 'next')).toBeUndefined();
  });

  it('keeps an issue out until its Sunday, Paris time, unless it was sent already', async () => {
    await storeRendered(t.issues, { series: 34, sunday: '2026-11-29' });
    await storeRendered(t.issues, { series: 35, sunday: '2026-12-06', title: 'Décembre' });
    t.clock.set('2026-11-28T22:59:00Z'); // Saturday 23:59 in Paris
    expect(titlesOf(await listPage())).toEqual([]);
    t.clock.set('2026-11-28T23:00:00Z'); // Sunday 00:00 in Paris
    expect(titlesOf(await listPage())).toEqual(['Chambre en Provence']);
    expect((await t.app.request('/archive/35-decembre')).status).toBe(404);

    // `npm run sunday -- --now` sends the coming issue early: its readers' "view in browser" must work.
    expect(await t.issues.setStatus('iss_35', 'rendered', 'sent', '2026-11-29T09:00:00Z')).toBe(true);
    expect(titlesOf(await listPage())).toEqual(['Décembre', 'Chambre en Provence']);
    expect((await t.app.request('/archive/35-decembre')).status).toBe(200);
  });

  it('leaves out an issue that is stored but not rendered', async () => {
    await storeRendered(t.issues, { series: 33, sunday: '2026-11-22' });
    await t.issues.saveRevision(anIssue({ series: 34, sunday: '2026-11-29' }), undefined);
    t.clock.set('2026-11-30T08:00:00Z');
    expect(linksOf(await listPage())).toEqual([`${BASE_URL}/archive/33-chambre-en-provence`]);
  });

  it('pages with a cursor: every issue once, newest first, even two of one Sunday split across pages', async () => {
    const count = ARCHIVE_PAGE_SIZE + 2;
    const sundayOf = (series: number) => {
      // Issues 2 and 3 share a Sunday, and the first page ends between them.
      const week = series <= 2 ? series : series - 1;
      return new Date(Date.UTC(2026, 0, 4 + 7 * week)).toISOString().slice(0, 10);
    };
    for (let series = 1; series <= count; series += 1) {
      await storeRendered(t.issues, { series, sunday: sundayOf(series), title: `Numéro ${series}` });
    }
    await storeRendered(t.issues, { series: count + 1, sunday: '2026-12-27', title: 'Pas encore' });
    t.clock.set('2026-11-30T08:00:00Z');

    const first = await listPage();
    expect(titlesOf(first)).toHaveLength(ARCHIVE_PAGE_SIZE);
    expect(relLink(first, 'canonical')).toBe(`${BASE_URL}/archive`);
    const next = relLink(first, 'next');
    expect(next).toMatch(new RegExp(`^${BASE_URL}/archive\\?cursor=`));
    const second = await listPage(next?.slice(BASE_URL.length));
    expect(relLink(second, 'next')).toBeUndefined();
    expect(relLink(second, 'canonical')).toBeUndefined();
    expect(second).toContain(`<a href="${BASE_URL}/archive">← Retour aux derniers numéros</a>`);

    const expected = Array.from({ length: count }, (_, i) => `Numéro ${count - i}`);
    expect([...titlesOf(first), ...titlesOf(second)]).toEqual(expected);
  });

  it.each(['nope', '', '2026-02-30_3', '2026-11-29_0', '2026-11-29_34x', '2026-11-29', '2026-11-29_34_1'])(
    'refuses the malformed cursor %j with a problem naming it',
    async (cursor) => {
      const response = await t.app.request(`/archive?cursor=${encodeURIComponent(cursor)}`);
      expect(response.status).toBe(422);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(await response.json()).toMatchObject({
        status: 422,
        errors: [{ pointer: '/cursor', detail: 'must be a cursor from a previous page' }],
      });
    },
  );

  it('says so when no issue has come out yet, and still offers the feeds', async () => {
    const html = await listPage();
    expect(titlesOf(html)).toEqual([]);
    expect(html).toContain('Aucun numéro n’est encore paru.');
    expect(relLink(html, 'next')).toBeUndefined();
    expect(html).toContain(`<a href="${BASE_URL}/archive/feed.xml">RSS</a>`);
  });

  it('has a social card, its feeds for feed readers, and a way to subscribe', async () => {
    const html = await listPage();
    expect(metaOf(html)).toMatchObject({
      'og:type': 'website',
      'og:site_name': 'Online Sunday Morning Sound',
      'og:title': 'Online Sunday Morning Sound — Tous les numéros',
      'og:description': 'Chaque dimanche, une histoire et sa playlist.',
      'og:url': `${BASE_URL}/archive`,
      'og:locale': 'fr_FR',
      'twitter:card': 'summary',
    });
    const alternates = elementsOf(html, (e) => e.name === 'link' && e.attribs.rel === 'alternate');
    expect(alternates.map((e) => [e.attribs.type, e.attribs.href])).toEqual([
      ['application/rss+xml', `${BASE_URL}/archive/feed.xml`],
      ['application/atom+xml', `${BASE_URL}/archive/atom.xml`],
    ]);
    expect(html).toContain(`<a class="button" href="${BASE_URL}/subscribe">`);
  });

  it('shows hostile titles as text', async () => {
    const attack = '<script>alert(1)</script><img src=x onerror=alert(1)>';
    await storeRendered(t.issues, { series: 34, title: attack, subtitle: attack });
    t.clock.set('2026-11-30T08:00:00Z');
    const html = await listPage();
    expect(activeContentIn(html)).toEqual([]);
    expect(titlesOf(html)).toEqual([attack]);
  });

  it('speaks the configured language, and marks each issue with its own', async () => {
    t = await testApp({ DEFAULT_LANGUAGE: 'en' });
    await storeRendered(t.issues, { series: 34, sunday: '2026-11-29' });
    t.clock.set('2026-11-30T08:00:00Z');
    const html = await listPage();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>All issues</h1>');
    expect(html).toContain('<time datetime="2026-11-29">Sunday, 29 November 2026</time>');
    expect(elementsOf(html, (e) => e.name === 'li').map((e) => e.attribs.lang)).toEqual(['fr']);
  });
});
