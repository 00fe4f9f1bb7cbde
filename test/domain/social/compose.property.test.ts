import fc from 'fast-check';
import twitter from 'twitter-text';
import { describe, expect, it } from 'vitest';
import { composeSocialPost } from '../../../shared/domain/social/compose-post.ts';
import { DEFAULT_COMPOSE_RULES } from '../../../shared/domain/social/compose-rules.ts';
import { SOCIAL_NETWORKS } from '../../../shared/domain/social/networks.ts';
import type { SocialPostSource } from '../../../shared/domain/social/social-post.ts';
import { overrideSource, rules, source } from './arbitraries.ts';
import { graphemesOf, withinLimit, wordEndsOf } from './oracles.ts';

const RUNS = { numRuns: 100 };
const ELLIPSIS = '…';

const occurrences = (text: string, part: string) => text.split(part).length - 1;

/**
 * `shown` is `original` whole, or a prefix of it followed by "…" whose cut falls between two grapheme
 * clusters and, when the original has a word that ends before the cut, right after a word.
 */
const expectCutCleanly = (shown: string, original: string, language: string) => {
  if (shown === original) return;
  expect(shown.endsWith(ELLIPSIS)).toBe(true);
  const kept = shown.slice(0, -ELLIPSIS.length);
  expect(kept.trim()).not.toBe('');
  expect(original.startsWith(kept)).toBe(true);
  const keptClusters = graphemesOf(kept);
  expect(keptClusters).toEqual(graphemesOf(original).slice(0, keptClusters.length));
  // A narrow no-break space joins the word before it (Word_Break=ExtendNumLet): the cut may drop it.
  const wordEnds = wordEndsOf(original, language)
    .filter((end) => end < original.length)
    .map((end) => original.slice(0, end).trimEnd().length);
  if (wordEnds.length > 0) expect(wordEnds).toContain(kept.length);
};

/** The generated text, read back into its paragraphs: [title?, hook?, url, hashtags?]. */
const paragraphsOf = (text: string, post: SocialPostSource) => {
  const parts = text.split('\n\n');
  const at = parts.indexOf(post.url);
  expect(at).toBeGreaterThanOrEqual(0);
  const before = parts.slice(0, at);
  return {
    title: before[0],
    hook: before[1],
    hashtags: parts[at + 1],
    extra: parts.slice(at + 2),
    beforeCount: before.length,
  };
};

describe.each(SOCIAL_NETWORKS)('the %s composer', (network) => {
  it('never goes over the limit as the network counts, and says so', () => {
    fc.assert(
      fc.property(fc.oneof(source(), overrideSource), rules, (post, instanceRules) => {
        const composed = composeSocialPost(network, post, instanceRules);
        expect(withinLimit(network, composed.text, instanceRules)).toBe(true);
        expect(composed.length.count).toBeLessThanOrEqual(composed.length.limit);
        expect(composed.network).toBe(network);
      }),
      RUNS,
    );
  });

  it('keeps the address whole, exactly once, on its own line, and the card unchanged', () => {
    fc.assert(
      fc.property(source(), (post) => {
        const composed = composeSocialPost(network, post, DEFAULT_COMPOSE_RULES);
        expect(occurrences(composed.text, post.url)).toBe(1);
        expect(composed.text.split('\n')).toContain(post.url);
        // X and Mastodon find it whole (and count it as 23), not a shorter address inside it.
        expect(twitter.extractUrls(composed.text)).toContain(post.url);
        expect(composed.url).toBe(post.url);
        expect(composed.card).toEqual(post.card);
      }),
      RUNS,
    );
  });

  it('gives up the end of the hook, then the hook, then hashtags from the last, then the end of the title', () => {
    fc.assert(
      fc.property(source(), (post) => {
        const { text } = composeSocialPost(network, post, DEFAULT_COMPOSE_RULES);
        const full = [post.title, post.hook, post.url, post.hashtags.map((t) => `#${t}`).join(' ')]
          .filter(Boolean)
          .join('\n\n');
        if (withinLimit(network, full, DEFAULT_COMPOSE_RULES)) expect(text).toBe(full);

        const parts = paragraphsOf(text, post);
        expect(parts.extra).toEqual([]);
        const tags = parts.hashtags === undefined ? [] : parts.hashtags.split(' ');
        expect(post.hashtags.map((t) => `#${t}`).slice(0, tags.length)).toEqual(tags);
        if (parts.beforeCount === 2) {
          expect(parts.title).toBe(post.title);
          expectCutCleanly(parts.hook ?? '', post.hook, post.language);
          if (parts.hook !== post.hook) expect(tags).toHaveLength(post.hashtags.length);
        }
        if (parts.beforeCount === 1) {
          if (parts.title !== post.title) expect(tags).toEqual([]);
          expectCutCleanly(parts.title ?? '', post.title, post.language);
        }
        if (parts.beforeCount === 0) expect(tags).toEqual([]);
      }),
      RUNS,
    );
  });

  it("uses the author's text in place of the generated one, shortened the same way, the address once", () => {
    fc.assert(
      fc.property(overrideSource, rules, (post, instanceRules) => {
        const own = (post.override ?? '').trim();
        const { text } = composeSocialPost(network, post, instanceRules);
        expect(occurrences(text, post.url)).toBe(1);
        expect(text).not.toContain(post.title);
        if (text === own) return;
        if (
          own.includes(post.url) &&
          text.startsWith(own.slice(0, own.indexOf(post.url) + post.url.length))
        ) {
          // Her address kept where she put it: only the end after it was shortened, or dropped.
          const head = own.slice(0, own.indexOf(post.url) + post.url.length);
          const tail = text.slice(head.length);
          if (tail !== '') expectCutCleanly(tail, own.slice(head.length), post.language);
          return;
        }
        expect(text === post.url || text.endsWith(`\n\n${post.url}`)).toBe(true);
        const body = text === post.url ? '' : text.slice(0, -(post.url.length + 2));
        const withoutUrl = own.includes(post.url)
          ? `${own.slice(0, own.indexOf(post.url))}${own.slice(own.indexOf(post.url) + post.url.length)}`
              .replace(/[ \t]{2,}/g, ' ')
              .trim()
          : own;
        if (body !== '') expectCutCleanly(body, withoutUrl, post.language);
      }),
      RUNS,
    );
  });
});
