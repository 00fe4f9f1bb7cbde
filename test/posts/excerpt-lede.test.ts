import { beforeEach, describe, expect, it } from 'vitest';
import { storyLine } from '../../shared/domain/lede.ts';
import { SOCIAL_NETWORKS } from '../../shared/domain/social/networks.ts';
import { aWordpressComPost } from '../builders/wordpress-com-post.ts';
import { signedPost } from '../support/signed-request.ts';
import { admin, testApp } from '../support/test-app.ts';

/** Only in the first sentence of post #34 (the seed; its last one echoes it with another train): read once. */
const FIRST_SENTENCE = 'N° 7345 en direction d’Avignon';
const MID_WORD = /train dir(?!ection)/;

let t: Awaited<ReturnType<typeof testApp>>;
beforeEach(async () => {
  t = await testApp({ SOCIAL_NETWORKS: SOCIAL_NETWORKS.join(',') });
});

const publish = async (excerpt: string) => {
  const post = aWordpressComPost(34, { excerpt: { rendered: excerpt, protected: false } });
  expect((await t.app.request('/webhooks/posts', signedPost(post))).status).toBe(201);
};

const decode = (html: string) =>
  html
    .replace(/&nbsp;|&#160;/g, '\u00a0')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** What a reader sees of a page or a mail: no head, no hidden inbox preview, no markup. */
const visibleText = (html: string) =>
  decode(
    html
      .replace(/<head[\s\S]*?<\/head>/i, '')
      .replace(/<div style="display:none[^"]*">[\s\S]*?<\/div>/i, '')
      .replace(/<[^>]+>/g, ' '),
  ).replace(/\s+/g, ' ');

const times = (text: string, part: string) => text.split(part).length - 1;

/** The inbox preview of a mail, as its hidden first block carries it (MJML's mj-preview). */
const preheaderOf = (html: string) =>
  decode(
    (/<div style="display:none[^"]*">([\s\S]*?)<\/div>/i.exec(html)?.[1] ?? '').replace(
      /(?:&#847;&zwnj;&nbsp;)+$/,
      '',
    ),
  ).trim();

/**
 * A teaser ends the way an editor ends one: the whole text, a sentence's own full stop, or a whole word and
 * "…" (the story's next character is a space or punctuation, never the rest of the word).
 */
const expectTeaserOf = (teaser: string, story: string) => {
  const kept = teaser.endsWith('…') ? teaser.slice(0, -1) : teaser;
  expect(story.startsWith(kept), `"${teaser}" is not the story's opening`).toBe(true);
  expect(story.slice(kept.length, kept.length + 1), `"${teaser}" ends mid-word`).toMatch(
    /^$|^[\s.,;:!?»”…]/u,
  );
};

const AUTOMATIC = {
  'WordPress.com’s own, cut mid-word, with " [&hellip;]" and the host’s widgets':
    aWordpressComPost(34).excerpt,
  'with "&hellip;" glued to the last word': {
    rendered:
      '<p>&laquo;&nbsp;Le TGV N° 7345 en direction d&#8217;Avignon gare TGV entrera en gare voie E, veuillez vous éloigner du qu&hellip;</p>\n',
  },
  'with "[&hellip;]" and a theme’s "Lire la suite" link': {
    rendered:
      '<p>&laquo; Le TGV N° 7345 en direction d&#8217;Avignon gare TGV entrera en gare voie E, veuillez vous éloigner du quai &raquo;. Samedi [&hellip;]</p>\n<p><a class="more-link" href="https://example.wordpress.com/2026/11/24/34/">Lire la suite<span class="screen-reader-text"> de « Chambre en Provence »</span></a></p>\n',
  },
} as Record<string, { rendered: string }>;

describe('an automatic WordPress excerpt', () => {
  it.each(Object.entries(AUTOMATIC))(
    'is no lede: %s; its first sentence is read once in the mail, the text part and the page',
    async (_, excerpt) => {
      await publish(excerpt.rendered);
      const issue = await t.issues.get('iss_34');
      expect(issue?.subtitle).toBeUndefined();
      const story = storyLine(issue?.storyHtml ?? '');

      const html = await (await t.app.request('/admin/issues/iss_34/preview', admin)).text();
      expect(times(visibleText(html), FIRST_SENTENCE)).toBe(1);
      // Hidden parts included: the inbox preview names the playlist rather than repeat her first sentence.
      expect(times(decode(html.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' '), FIRST_SENTENCE)).toBe(1);
      expect(html).not.toMatch(MID_WORD);
      expect(preheaderOf(html)).toMatch(/^La playlist · 12 titres — Françoise Hardy, /);
      expect(story.startsWith(preheaderOf(html).slice(0, 20))).toBe(false);
      const text = await (await t.app.request('/admin/issues/iss_34/preview?format=text', admin)).text();
      expect(times(text, FIRST_SENTENCE)).toBe(1);

      t.clock.set('2026-11-29T08:00:00Z');
      const page = await (await t.app.request('/archive/34-chambre-en-provence')).text();
      expect(times(visibleText(page), FIRST_SENTENCE)).toBe(1);
      expect(page).not.toMatch(MID_WORD);
      const list = await (await t.app.request('/archive')).text();
      expect(visibleText(list)).not.toContain(FIRST_SENTENCE);
      const feed = await (await t.app.request('/archive/feed.xml')).text();
      const summary = /<description><!\[CDATA\[([^\]]*)\]\]><\/description>\s*<content:encoded>/.exec(
        feed,
      )?.[1];
      expect(summary, 'the feed entry has its summary').toMatch(/TGV N° 7345/);
      expectTeaserOf(decode(summary ?? ''), story);
    },
  );

  it('gives the six networks a hook cut after a sentence or a whole word, never "…train dir"', async () => {
    await publish((aWordpressComPost(34).excerpt as { rendered: string }).rendered);
    const story = storyLine((await t.issues.get('iss_34'))?.storyHtml ?? '');
    const social = (await (await t.app.request('/admin/issues/iss_34/social', admin)).json()) as {
      networks: { network: string; text: string; card: { description: string } }[];
    };
    expect(social.networks.map((n) => n.network)).toEqual([...SOCIAL_NETWORKS]);
    for (const { network, text, card } of social.networks) {
      const [, hook = ''] = text.split('\n\n');
      expect(text, network).not.toMatch(MID_WORD);
      expectTeaserOf(hook, story);
      expectTeaserOf(card.description, story);
      expect(times(text, FIRST_SENTENCE), network).toBeLessThanOrEqual(1);
    }
  });
});

describe('a hand-written excerpt', () => {
  it('stays the lede, above the story, in the mail, the text part, the page and the archive list', async () => {
    const lede = 'Neuf mois intenses, une semaine dans le Gard et une playlist pour la Fête de la musique 😉';
    await publish(`<p>${lede}</p>\n`);
    expect((await t.issues.get('iss_34'))?.subtitle).toBe(lede);
    const html = visibleText(await (await t.app.request('/admin/issues/iss_34/preview', admin)).text());
    expect(html.indexOf(lede)).toBeGreaterThan(-1);
    expect(html.indexOf(lede)).toBeLessThan(html.indexOf(FIRST_SENTENCE));
    expect(times(html, FIRST_SENTENCE)).toBe(1);
    const text = await (await t.app.request('/admin/issues/iss_34/preview?format=text', admin)).text();
    expect(text).toContain(`Chambre en Provence\n${lede}`);
    t.clock.set('2026-11-29T08:00:00Z');
    expect(visibleText(await (await t.app.request('/archive/34-chambre-en-provence')).text())).toContain(
      lede,
    );
    expect(visibleText(await (await t.app.request('/archive')).text())).toContain(lede);
  });
});
