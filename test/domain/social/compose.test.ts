import twitter from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { UrlOverLimitError } from '../../../shared/domain/social/compose-layout.ts';
import { composeSocialPost } from '../../../shared/domain/social/compose-post.ts';
import { DEFAULT_COMPOSE_RULES } from '../../../shared/domain/social/compose-rules.ts';
import type { SocialPostSource } from '../../../shared/domain/social/social-post.ts';

const URL = 'https://newsletter.example.org/archive/34-chambre-en-provence';
const TITLE = 'Online Sunday Morning Sound #34 — Chambre en Provence';
const HOOK = 'Neuf mois intenses, une semaine dans le Gard et une playlist pour la Fête de la musique 😉';
const TAGS = '#playlist #musique';

const aSource = (overrides: Partial<SocialPostSource> = {}): SocialPostSource => ({
  series: 34,
  title: TITLE,
  hook: HOOK,
  url: URL,
  hashtags: ['playlist', 'musique'],
  language: 'fr',
  card: { url: URL, title: TITLE, description: HOOK },
  ...overrides,
});

const graphemeCount = (text: string) =>
  [...new Intl.Segmenter('fr', { granularity: 'grapheme' }).segment(text)].length;

/** `n` sentences of French: long enough to need cutting on every short network. */
const longHook = (n: number) =>
  Array.from({ length: n }, (_, i) => `Phrase ${i + 1} : «\u00a0l’été à Avignon\u00a0» 😉 et la Fête.`).join(
    ' ',
  );

describe('a post that fits', () => {
  it('reads title, hook, address, hashtags, one paragraph each', () => {
    const { text } = composeSocialPost('bluesky', aSource(), DEFAULT_COMPOSE_RULES);
    expect(text).toBe(`${TITLE}\n\n${HOOK}\n\n${URL}\n\n${TAGS}`);
  });

  it('counts the address as 23 on Mastodon and X, and in full on Bluesky', () => {
    const source = aSource();
    const bluesky = composeSocialPost('bluesky', source, DEFAULT_COMPOSE_RULES);
    const graphemes = graphemeCount(bluesky.text);
    expect(bluesky.length).toEqual({ unit: 'graphemes', count: graphemes, limit: 300 });
    expect(composeSocialPost('mastodon', source, DEFAULT_COMPOSE_RULES).length).toEqual({
      unit: 'graphemes',
      count: graphemes - URL.length + 23,
      limit: 500,
    });
    // On X 😉 weighs 2, every other character here 1.
    expect(composeSocialPost('x', source, DEFAULT_COMPOSE_RULES).length).toEqual({
      unit: 'weighted',
      count: graphemes - URL.length + 23 + 1,
      limit: 280,
    });
  });
});

describe('a post too long for the network', () => {
  it('cuts the hook after a word, with "…", and keeps title, address and hashtags', () => {
    const { text, length } = composeSocialPost('x', aSource({ hook: longHook(8) }), DEFAULT_COMPOSE_RULES);
    const [title, hook = '', url, tags] = text.split('\n\n');
    expect([title, url, tags]).toEqual([TITLE, URL, TAGS]);
    expect(hook.endsWith('…')).toBe(true);
    expect(longHook(8).startsWith(hook.slice(0, -1))).toBe(true);
    expect(hook.slice(0, -1)).toMatch(/\p{L}$/u);
    expect(length.count).toBeLessThanOrEqual(280);
    expect(twitter.parseTweet(text).weightedLength).toBe(length.count);
    // The cut is the latest one: one more word would not fit.
    const nextWord =
      longHook(8)
        .slice(hook.length - 1)
        .match(/^\P{L}*\p{L}+/u)?.[0] ?? '';
    const longer = text.replace(hook, `${hook.slice(0, -1)}${nextWord}…`);
    expect(twitter.parseTweet(longer).weightedLength).toBeGreaterThan(280);
  });

  it('never splits an emoji: a hook of ZWJ families is cut between two of them', () => {
    const family = '👩‍👩‍👧‍👦';
    const { text } = composeSocialPost(
      'bluesky',
      aSource({ hook: family.repeat(400) }),
      DEFAULT_COMPOSE_RULES,
    );
    const hook = text.split('\n\n')[1] ?? '';
    expect(hook).toMatch(new RegExp(`^(${family})+…$`, 'u'));
    expect(graphemeCount(text)).toBeLessThanOrEqual(300);
  });

  it('on Bluesky also keeps within 3,000 bytes, which 300 family emoji would exceed', () => {
    const family = '👩‍👩‍👧‍👦'; // 25 bytes, one grapheme
    const { text } = composeSocialPost(
      'bluesky',
      aSource({ hook: family.repeat(200) }),
      DEFAULT_COMPOSE_RULES,
    );
    const bytes = new TextEncoder().encode(text).length;
    expect(bytes).toBeLessThanOrEqual(3000);
    expect(bytes + family.length * 2).toBeGreaterThan(3000); // one more family would not have fitted
    expect(graphemeCount(text)).toBeLessThan(300); // the bytes, not the graphemes, were the limit
  });

  it('drops the hook, then hashtags from the last, then cuts the title, on a small Mastodon instance', () => {
    const small = (maxCharacters: number) => ({ mastodon: { maxCharacters, charactersReservedPerUrl: 23 } });
    const textOn = (max: number) => composeSocialPost('mastodon', aSource(), small(max)).text;
    const title = graphemeCount(TITLE);
    // Paragraph breaks count 2, the address 23.
    const titleUrlTags = title + 2 + 23 + 2 + TAGS.length;
    expect(textOn(titleUrlTags + '\n\nNeuf…'.length)).toBe(`${TITLE}\n\nNeuf…\n\n${URL}\n\n${TAGS}`);
    expect(textOn(titleUrlTags + '\n\nNeuf…'.length - 1)).toBe(`${TITLE}\n\n${URL}\n\n${TAGS}`);
    expect(textOn(titleUrlTags - 1)).toBe(`${TITLE}\n\n${URL}\n\n#playlist`);
    expect(textOn(title + 2 + 23)).toBe(`${TITLE}\n\n${URL}`);
    expect(textOn(title + 2 + 23 - 1)).toBe(`Online Sunday Morning Sound #34 — Chambre en…\n\n${URL}`);
  });

  it('counts LinkedIn on the escaped commentary: reserved characters cost two', () => {
    const hook = '(a) '.repeat(700).trim();
    const { text, length } = composeSocialPost('linkedin', aSource({ hook }), DEFAULT_COMPOSE_RULES);
    expect(text.length).toBeLessThan(2400);
    expect(length.count).toBeLessThanOrEqual(3000);
    expect(length.count).toBeGreaterThan(2990);
  });

  it('counts an emoji as its UTF-8 bytes on Threads', () => {
    const { length } = composeSocialPost('threads', aSource({ hook: '🇫🇷' }), DEFAULT_COMPOSE_RULES);
    const plain = composeSocialPost('threads', aSource({ hook: 'F' }), DEFAULT_COMPOSE_RULES).length;
    expect(length.count - plain.count).toBe(8 - 1); // a flag is two regional indicators, 4 bytes each
  });

  it('refuses, as a bug, an address that cannot fit alone', () => {
    const url = `https://newsletter.example.org/${'a'.repeat(300)}`;
    expect(() => composeSocialPost('bluesky', aSource({ url }), DEFAULT_COMPOSE_RULES)).toThrow(
      UrlOverLimitError,
    );
  });
});

describe("the author's own text", () => {
  it('replaces the generated one; the address goes on its own line at the end', () => {
    const override =
      'Ce dimanche, «\u00a0Chambre en Provence\u00a0» 🌿 : la playlist de la Fête de la musique.';
    const { text } = composeSocialPost('mastodon', aSource({ override }), DEFAULT_COMPOSE_RULES);
    expect(text).toBe(`${override}\n\n${URL}`);
  });

  it('keeps the address where she put it, once', () => {
    const override = `Écoutez ${URL} ce dimanche 😉`;
    const { text } = composeSocialPost('x', aSource({ override }), DEFAULT_COMPOSE_RULES);
    expect(text).toBe(override);
  });

  it('is shortened by the same rules when too long, the address kept whole', () => {
    const override = `${longHook(10)}\n${URL}\n${longHook(10)}`;
    const { text } = composeSocialPost('bluesky', aSource({ override }), DEFAULT_COMPOSE_RULES);
    expect(graphemeCount(text)).toBeLessThanOrEqual(300);
    expect(text.split(URL)).toHaveLength(2);
    expect(text).toMatch(/…\n\nhttps:|https:\S+ .*…$/su);
  });

  it('is ignored when blank', () => {
    const { text } = composeSocialPost('facebook', aSource({ override: ' \n ' }), DEFAULT_COMPOSE_RULES);
    expect(text).toBe(`${TITLE}\n\n${HOOK}\n\n${URL}\n\n${TAGS}`);
  });
});
