import { AppBskyRichtextFacet, RichText } from '@atproto/api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeSocialPost } from '../../../shared/domain/social/compose-post.ts';
import { DEFAULT_COMPOSE_RULES } from '../../../shared/domain/social/compose-rules.ts';
import { linkFacets } from '../../../shared/domain/social/compose-links.ts';
import { overrideSource, source } from './arbitraries.ts';

const decoder = new TextDecoder();
const bytesOf = (text: string, from: number, to: number) =>
  decoder.decode(new TextEncoder().encode(text).slice(from, to));

/** Bluesky's own client's link detection, which the composer's facets must agree with. */
const officialLinkFacets = (text: string) => {
  const rich = new RichText({ text });
  rich.detectFacetsWithoutResolution();
  return (rich.facets ?? []).flatMap((facet) =>
    facet.features.flatMap((feature) =>
      AppBskyRichtextFacet.isLink(feature)
        ? [{ byteStart: facet.index.byteStart, byteEnd: facet.index.byteEnd, uri: feature.uri }]
        : [],
    ),
  );
};

describe('Bluesky link facets', () => {
  it('point at exactly the bytes of their address, ours among them once, as @atproto/api finds them', () => {
    fc.assert(
      fc.property(fc.oneof(source(), overrideSource), (post) => {
        const { text, facets = [] } = composeSocialPost('bluesky', post, DEFAULT_COMPOSE_RULES);
        for (const facet of facets) expect(bytesOf(text, facet.byteStart, facet.byteEnd)).toBe(facet.uri);
        expect(facets.filter((f) => f.uri === post.url)).toHaveLength(1);
        expect(facets).toEqual(officialLinkFacets(text));
      }),
      { numRuns: 200 },
    );
  });

  it('count bytes, not characters: «, ê, — and an emoji before the address move it by their UTF-8 size', () => {
    const text = '«\u00a0Fête\u00a0» — 👩‍👩‍👧 https://newsletter.example.org/archive/34-x';
    const [facet] = linkFacets(text);
    // « 2 + NBSP 2 + Fête 5 + NBSP 2 + » 2 + space 1 + — 3 + space 1 + family 18 + space 1 = 37 bytes before.
    expect(facet).toEqual({
      byteStart: 37,
      byteEnd: 37 + 'https://newsletter.example.org/archive/34-x'.length,
      uri: 'https://newsletter.example.org/archive/34-x',
    });
    expect(text.indexOf('https')).toBe(20);
  });

  it('leave out a closing sentence mark and an unopened parenthesis, like the official client', () => {
    const text = 'Lire (https://a.example.org/b). Puis https://c.example.org/d?e=f! Fin';
    expect(linkFacets(text).map((f) => f.uri)).toEqual([
      'https://a.example.org/b',
      'https://c.example.org/d?e=f',
    ]);
    expect(linkFacets(text)).toEqual(officialLinkFacets(text));
  });

  it('are only made for Bluesky', () => {
    const post = fc.sample(source(), { numRuns: 1, seed: 7 })[0];
    if (!post) throw new Error('no sample');
    expect(composeSocialPost('mastodon', post, DEFAULT_COMPOSE_RULES).facets).toBeUndefined();
    expect(composeSocialPost('bluesky', post, DEFAULT_COMPOSE_RULES).facets).not.toHaveLength(0);
  });
});
