import { decodeHTML } from 'entities';
import Parser from 'rss-parser';
import { beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_BUDGET, createFeedRenderer } from '../../emails/feed-renderer.ts';
import { publicPages } from '../../functions/wiring/render.ts';
import { publicUrls } from '../../shared/domain/public-urls.ts';
import { issueIdFor } from '../../shared/domain/issue.ts';
import type { IssueStore } from '../../shared/ports/issue-store.ts';
import { FEED_LENGTH, refreshArchiveFeeds } from '../../shared/usecases/archive-feed-refresh.ts';
import { publishPublicPages } from '../../shared/usecases/publish-public-pages.ts';
import { examplePostBody } from '../builders/issue.ts';
import { signedPost } from '../support/signed-request.ts';
import { BASE_URL, testApp } from '../support/test-app.ts';
import { storeRendered } from './archive-support.ts';

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp();
});

const parser = new Parser();

/** Sent by the blog's webhook: stored, rendered (MJML) and the feeds rebuilt, as in production. */
const publish = async (changes: Record<string, unknown>) => {
  const response = await t.app.request('/webhooks/posts', signedPost({ ...examplePostBody(), ...changes }));
  expect(response.status).toBeLessThan(300);
};

const FEEDS = [
  { path: '/archive/feed.xml', type: 'application/rss+xml; charset=utf-8' },
  { path: '/archive/atom.xml', type: 'application/atom+xml; charset=utf-8' },
] as const;

const fetchFeed = async (path: string) => {
  const response = await t.app.request(path);
  expect(response.status).toBe(200);
  const xml = await response.text();
  return { response, xml, feed: await parser.parseString(xml) };
};

/** What `npm run sunday -- --now` and the studio's "send now" leave behind: the issue sent, no new render. */
const sendNow = async (series: number) => {
  const id = issueIdFor(series);
  const at = t.clock.now().toISOString();
  expect(await t.issues.setStatus(id, 'rendered', 'sending', at)).toBe(true);
  expect(await t.issues.setStatus(id, 'sending', 'sent', at)).toBe(true);
};

const titlesOf = async (path: string) => (await fetchFeed(path)).feed.items.map((item) => item.title);

describe('the archive feeds', () => {
  it.each(FEEDS)(
    'serve $path as $type: the published issues, newest first, absolute links, dated by their Sunday',
    async ({ path, type }) => {
      await publish({ series: 33, sunday: '2026-11-22', title: 'Un dimanche à Nîmes' });
      await publish({ series: 34, sunday: '2026-11-29' });
      await publish({ series: 35, sunday: '2026-12-06', title: 'Pas encore' });
      t.clock.set('2026-11-29T08:00:00Z');

      const { response, feed } = await fetchFeed(path);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('cache-control')).toBe(
        'public, max-age=300, s-maxage=300, stale-while-revalidate=60',
      );
      expect(feed.title).toBe('Online Sunday Morning Sound');
      expect(feed.link).toBe(`${BASE_URL}/archive`);
      expect(feed.feedUrl).toBe(`${BASE_URL}${path}`);
      expect(feed.items.map(({ title, link, isoDate }) => ({ title, link, isoDate }))).toEqual([
        {
          title: 'Chambre en Provence',
          link: `${BASE_URL}/archive/34-chambre-en-provence`,
          isoDate: '2026-11-28T23:00:00.000Z', // Sunday 00:00 in Paris
        },
        {
          title: 'Un dimanche à Nîmes',
          link: `${BASE_URL}/archive/33-un-dimanche-a-nimes`,
          isoDate: '2026-11-21T23:00:00.000Z',
        },
      ]);
      // The entry's id survives a new title: the number alone redirects to the current slug.
      expect(feed.items[0]?.guid ?? feed.items[0]?.id).toBe(`${BASE_URL}/archive/34`);
      const permalink = await t.app.request('/archive/34');
      expect(permalink.status).toBe(301);
      expect(permalink.headers.get('location')).toBe(`${BASE_URL}/archive/34-chambre-en-provence`);
    },
  );

  it.each(FEEDS)(
    'keep French typography byte for byte in $path: « », no-break spaces, apostrophes, emoji',
    async ({ path }) => {
      const title = 'L’été «\u00a0en Provence\u00a0»\u00a0😉';
      await publish({ series: 34, title });
      t.clock.set('2026-11-29T08:00:00Z');

      const { xml, feed } = await fetchFeed(path);
      const [item] = feed.items;
      expect(xml).toContain(title); // as UTF-8 characters, not entities
      expect(item?.title).toBe(title);
      const summary = (item as { summary?: string }).summary ?? item?.content;
      expect(summary).toBe(
        'Neuf mois intenses, une semaine dans le Gard et une playlist pour la Fête de la musique 😉',
      );
      const content = (item as Record<string, string | undefined>)['content:encoded'] ?? item?.content;
      expect(content).toContain('«\u00a0Le TGV N° 7345 en direction d’Avignon gare TGV');
      expect(content).toContain('Une autre aventure commence\u00a0😉');
      expect(content).toContain(
        '<li><a href="https://www.deezer.com/track/3135556">Françoise Hardy – Le temps de l’amour</a> (Le temps de l’amour · 2:28)</li>',
      );
    },
  );

  it('move on to next Sunday’s issue on Sunday morning, with no render in between', async () => {
    await publish({ series: 34, sunday: '2026-11-29' });
    await publish({ series: 35, sunday: '2026-12-06', title: 'Décembre' });
    t.clock.set('2026-12-05T22:59:00Z'); // Saturday 23:59 in Paris
    expect(await titlesOf('/archive/feed.xml')).toEqual(['Chambre en Provence']);
    t.clock.set('2026-12-05T23:00:00Z');
    expect(await titlesOf('/archive/feed.xml')).toEqual(['Décembre', 'Chambre en Provence']);
    expect(await titlesOf('/archive/atom.xml')).toEqual(['Décembre', 'Chambre en Provence']);
  });

  it('follow a revision of an issue that a later one already lists', async () => {
    await publish({ series: 34, sunday: '2026-11-29' });
    await publish({ series: 35, sunday: '2026-12-06', title: 'Décembre' });
    await publish({ series: 34, sunday: '2026-11-29', title: 'Chambre en Provence, revue' });
    t.clock.set('2026-12-06T08:00:00Z');
    expect(await titlesOf('/archive/feed.xml')).toEqual(['Décembre', 'Chambre en Provence, revue']);
  });

  it('follow an issue moved to a later Sunday', async () => {
    await publish({ series: 34, sunday: '2026-11-29' });
    await publish({ series: 35, sunday: '2026-12-06', title: 'Décembre' });
    await publish({ series: 34, sunday: '2026-12-13' });
    t.clock.set('2026-12-06T08:00:00Z');
    expect(await titlesOf('/archive/feed.xml')).toEqual(['Décembre']);
    t.clock.set('2026-12-13T08:00:00Z');
    expect(await titlesOf('/archive/feed.xml')).toEqual(['Chambre en Provence', 'Décembre']);
  });

  it(`list the latest ${FEED_LENGTH} issues`, async () => {
    const older = FEED_LENGTH + 2;
    for (let week = 1; week <= older; week += 1) {
      const sunday = new Date(Date.UTC(2026, 8, 6 + 7 * week)).toISOString().slice(0, 10);
      await storeRendered(t.issues, { series: week, sunday, title: `Numéro ${week}` });
    }
    await publish({ series: 34, sunday: '2026-12-13' });
    t.clock.set('2026-12-13T08:00:00Z');
    const expected = [
      'Chambre en Provence',
      ...Array.from({ length: FEED_LENGTH - 1 }, (_, i) => `Numéro ${older - i}`),
    ];
    expect(await titlesOf('/archive/feed.xml')).toEqual(expected);
    expect(await titlesOf('/archive/atom.xml')).toEqual(expected);
  });

  it('carry whole stories up to a budget, then only summaries: long stories never make a feed too big to store', async () => {
    const long = `<p>${'Une longue histoire, d’été en été. '.repeat(Math.ceil(CONTENT_BUDGET / 2 / 36))}</p>`;
    for (const [series, sunday] of [
      [30, '2026-11-01'],
      [31, '2026-11-08'],
      [32, '2026-11-15'],
    ] as const) {
      await storeRendered(t.issues, { series, sunday, title: `Long ${series}`, storyHtml: long });
    }
    await publish({ series: 34, sunday: '2026-11-29' });
    t.clock.set('2026-11-29T08:00:00Z');
    for (const path of ['/archive/feed.xml', '/archive/atom.xml']) {
      const { feed } = await fetchFeed(path);
      // RSS puts the story in content:encoded (its `content` is the description); Atom in <content>.
      const whole = feed.items.map((item: Record<string, unknown>) =>
        path.endsWith('atom.xml') ? item.content !== undefined : item['content:encoded'] !== undefined,
      );
      expect(feed.items.map((item) => item.title)).toEqual([
        'Chambre en Provence',
        'Long 32',
        'Long 31',
        'Long 30',
      ]);
      expect(whole).toEqual([true, true, false, false]);
    }
  });

  it('stay well-formed whatever the title: CDATA ends, markup and ampersands', async () => {
    const title = 'A ]]> B ]]> <script>alert(1)</script> & C';
    await publish({ series: 34, title, subtitle: title });
    t.clock.set('2026-11-29T08:00:00Z');
    const rss = (await fetchFeed('/archive/feed.xml')).feed.items[0];
    const atom = (await fetchFeed('/archive/atom.xml')).feed.items[0];
    // RSS titles are escaped like Atom's: no raw markup inside the CDATA, and they read back as the title.
    expect(rss?.title).not.toContain('<script>');
    expect(decodeHTML(rss?.title ?? '')).toBe(title);
    // Atom's are HTML (type="html"): escaped, they read back as the title.
    expect(decodeHTML(atom?.title ?? '')).toBe(title);
    expect(rss?.content).toBe('A ]]&gt; B ]]&gt; &lt;script&gt;alert(1)&lt;/script&gt; &amp; C');
  });

  it('serve the previous issue’s feeds when the newest has none (rendered before the feeds existed)', async () => {
    await publish({ series: 33, sunday: '2026-11-22', title: 'Un dimanche à Nîmes' });
    await storeRendered(t.issues, { series: 34, sunday: '2026-11-29' });
    t.clock.set('2026-11-29T08:00:00Z');
    expect(await titlesOf('/archive/feed.xml')).toEqual(['Un dimanche à Nîmes']);
  });

  it('include a render the index does not show yet (its reads lag behind writes)', async () => {
    await publish({ series: 33, sunday: '2026-11-22', title: 'Un dimanche à Nîmes' });
    const fresh = await storeRendered(t.issues, { series: 34, sunday: '2026-11-29' });
    const lagging: IssueStore = {
      ...t.issues,
      pageBySunday: async (options) =>
        (await t.issues.pageBySunday(options)).filter((issue) => issue.id !== fresh.id),
    };
    const renderer = createFeedRenderer({
      seriesName: 'Online Sunday Morning Sound',
      language: 'fr',
      timeZone: 'Europe/Paris',
      links: publicUrls(BASE_URL),
    });
    await refreshArchiveFeeds(fresh, { store: lagging, renderer, clock: t.clock, timeZone: 'Europe/Paris' });
    // The render step also builds the public pages from the same lagging index.
    const pages = { store: lagging, feeds: renderer, clock: t.clock, timeZone: 'Europe/Paris' };
    await publishPublicPages(fresh, '<p>34</p>', { ...pages, ...publicPages(t.config, t.publicObjects) });
    t.clock.set('2026-11-29T08:00:00Z');
    expect(await titlesOf('/archive/feed.xml')).toEqual(['Chambre en Provence', 'Un dimanche à Nîmes']);
  });

  it('list an issue sent before its Sunday at once ("send now"), and keep it there when its Sunday comes', async () => {
    await publish({ series: 33, sunday: '2026-11-22', title: 'Un dimanche à Nîmes' });
    await publish({ series: 34, sunday: '2026-11-29' });
    t.clock.set('2026-11-24T10:00:00Z');
    expect(await titlesOf('/archive/feed.xml')).toEqual(['Un dimanche à Nîmes']);
    await sendNow(34);
    expect(await titlesOf('/archive/feed.xml')).toEqual(['Chambre en Provence', 'Un dimanche à Nîmes']);
    expect(await titlesOf('/archive/atom.xml')).toEqual(['Chambre en Provence', 'Un dimanche à Nîmes']);
    t.clock.set('2026-11-29T08:00:00Z');
    expect(await titlesOf('/archive/feed.xml')).toEqual(['Chambre en Provence', 'Un dimanche à Nîmes']);
  });

  it('never list an issue before its Sunday, even beside a later one sent early', async () => {
    await publish({ series: 33, sunday: '2026-11-22', title: 'Un dimanche à Nîmes' });
    await publish({ series: 35, sunday: '2026-12-06', title: 'Décembre' });
    await publish({ series: 34, sunday: '2026-11-29' });
    t.clock.set('2026-11-24T10:00:00Z');
    await sendNow(35);
    // #35 is public; #34 is not until Sunday 29: a feed that names #34 must not be served now.
    const titles = await titlesOf('/archive/feed.xml');
    expect(titles).not.toContain('Chambre en Provence');
    expect(titles).toContain('Un dimanche à Nîmes');
    t.clock.set('2026-11-29T08:00:00Z');
    expect(await titlesOf('/archive/feed.xml')).toContain('Chambre en Provence');
  });

  it.each(FEEDS)('answer $path with a 404 problem while no issue is published', async ({ path }) => {
    await publish({ series: 34, sunday: '2026-11-29' });
    const response = await t.app.request(path);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ type: 'https://dimanche.dev/problems/feed-not-found' });
  });
});
