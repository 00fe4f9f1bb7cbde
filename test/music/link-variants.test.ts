import { describe, expect, it } from 'vitest';
import { createMjmlRenderer } from '../../emails/mjml-renderer.ts';
import type { Issue } from '../../shared/domain/issue.ts';
import { issueLinks } from '../../shared/domain/music/track-link-sets.ts';
import { type TrackResolution, trackUrlKey } from '../../shared/domain/music/track-resolution.ts';
import { LINK_VARIANTS, type Platform, PLATFORMS } from '../../shared/domain/platforms.ts';
import type { Language } from '../../shared/domain/issue.ts';
import { emailIn, personalise, variantsOf } from '../../shared/domain/rendered-email.ts';
import type { EmailLinks } from '../../shared/ports/email-renderer.ts';
import { anIssue } from '../builders/issue.ts';
import { identity } from '../emails/renderer-fixture.ts';

const BASE = 'https://dimanche.example.org';
const sample = { unsubscribeUrl: `${BASE}/u/x`, preferencesUrl: `${BASE}/preferences/x` };
const renderer = createMjmlRenderer(identity);

/** One reader language's email of the issue, and its web page. */
const renderIn = async (issue: Issue, links: EmailLinks, language: Language = 'fr') => {
  const rendered = await renderer.renderIssue(issue, links);
  return { ...emailIn(rendered, language), webHtml: rendered.webHtml };
};

const resolved = (url: string, only: readonly Platform[]): TrackResolution => ({
  key: trackUrlKey(url),
  url,
  status: 'resolved',
  pageUrl: `https://song.link/d/${url.split('/').at(-1)}`,
  links: Object.fromEntries(only.map((p) => [p, `https://${p}.example/track/${url.split('/').at(-1)}`])),
  missing: PLATFORMS.filter((p) => !only.includes(p)),
  resolvedAt: '2026-11-24T09:00:00.000Z',
});

/** Track 1 everywhere, track 2 everywhere but Deezer, track 3 not resolved (yet): the three cases a mail meets. */
const scenario = (issue: Issue) => {
  const [one, two] = issue.tracks;
  const resolutions = new Map<string, TrackResolution>([
    [trackUrlKey(one!.url), resolved(one!.url, PLATFORMS)],
    [trackUrlKey(two!.url), resolved(two!.url, ['spotify', 'apple-music', 'youtube-music'])],
  ]);
  return issueLinks(issue, resolutions, BASE);
};

/** The click link's target, by the href a mail carries. */
const targetOf = (links: ReturnType<typeof scenario>['links'], href: string) =>
  links.find((link) => `${BASE}/r/${link.id}` === href)?.target;

/** The hrefs of one track's card in reading order: its cover, its main link, then the row. */
const cardHrefs = (html: string, position: number, next: number | undefined) => {
  const start = html.indexOf(`>${position}</td>`);
  const end = next === undefined ? html.length : html.indexOf(`>${next}</td>`, start);
  return [...html.slice(start, end).matchAll(/href="([^"]+)"/g)].map((m) => m[1] as string);
};

describe('link variants: each reader’s platform first, one MJML render', () => {
  it('leads a Deezer reader’s cards with Deezer, else the song.link page, else the author’s link', async () => {
    const issue = anIssue();
    const links = scenario(issue);
    const rendered = await renderIn(issue, {
      archiveUrl: `${BASE}/archive/x`,
      tracks: links.sets,
    });
    const { html } = personalise(rendered, sample, 'deezer');

    const first = cardHrefs(html, 1, 2).map((href) => targetOf(links.links, href));
    expect(first[0]).toBe('https://deezer.example/track/3135556'); // the cover
    expect(first[1]).toBe('https://deezer.example/track/3135556'); // "Écouter « … » sur Deezer"
    expect(first.slice(2)).toEqual([
      ...PLATFORMS.filter((p) => p !== 'deezer').map((p) => `https://${p}.example/track/3135556`),
      'https://song.link/d/3135556',
    ]);
    expect(html).toContain('Écouter «\u00a0Le temps de l’amour\u00a0» sur Deezer</a>');

    const second = cardHrefs(html, 2, 3).map((href) => targetOf(links.links, href));
    expect(second[1]).toBe('https://song.link/d/3143475');
    expect(second.slice(2)).toEqual(
      ['spotify', 'apple-music', 'youtube-music'].map((p) => `https://${p}.example/track/3143475`),
    );

    const third = cardHrefs(html, 3, 4).map((href) => targetOf(links.links, href));
    expect(third).toEqual([issue.tracks[2]!.url, issue.tracks[2]!.url]);
  });

  it('puts the reader’s platform first in the text part too, the song.link page after it', async () => {
    const issue = anIssue();
    const links = scenario(issue);
    const rendered = await renderIn(issue, {
      archiveUrl: `${BASE}/archive/x`,
      tracks: links.sets,
    });
    const lines = personalise(rendered, sample, 'spotify').text.split('\n');
    const at = lines.findIndex((line) => line.startsWith('1. '));
    expect(targetOf(links.links, lines[at + 1]!.trim())).toBe('https://spotify.example/track/3135556');
    expect(lines[at + 2]).toMatch(/^ {3}Toutes les plateformes\u00a0: /);
    expect(targetOf(links.links, lines[at + 2]!.split(': ')[1]!)).toBe('https://song.link/d/3135556');
    const universal = personalise(rendered, sample).text.split('\n');
    expect(targetOf(links.links, universal[at + 1]!.trim())).toBe('https://song.link/d/3135556');
  });

  it('has at most one variant per platform plus the universal one, and every variant fills every slot', async () => {
    const issue = anIssue();
    const links = scenario(issue);
    const rendered = await renderIn(issue, {
      archiveUrl: `${BASE}/archive/x`,
      tracks: links.sets,
    });
    const variants = variantsOf(rendered);
    expect(variants.length).toBeLessThanOrEqual(PLATFORMS.length + 1);
    expect(new Set(variants)).toEqual(new Set(LINK_VARIANTS));
    for (const variant of LINK_VARIANTS) {
      // A slot without its fill throws: every variant's mail comes out whole, each track with its click link.
      const email = personalise(rendered, sample, variant);
      for (const position of [1, 2])
        expect(cardHrefs(email.html, position, position + 1)[1]).toMatch(new RegExp(`^${BASE}/r/`));
    }
    // The web page never carries click links.
    expect(rendered.webHtml).not.toContain('/r/');
  });

  it('offers only the platforms some track is on; any other preference gets the universal mail', async () => {
    const issue = anIssue();
    const only = issue.tracks.map(
      (t) => [trackUrlKey(t.url), resolved(t.url, ['spotify', 'deezer'])] as const,
    );
    const links = issueLinks(issue, new Map(only), BASE);
    const rendered = await renderIn(issue, {
      archiveUrl: `${BASE}/archive/x`,
      tracks: links.sets,
    });
    expect(variantsOf(rendered).sort()).toEqual(['deezer', 'spotify', 'universal']);
    expect(personalise(rendered, sample, 'tidal')).toEqual(personalise(rendered, sample, 'universal'));
  });

  it('keeps the author’s links as they are when rendered without click links (no variants)', async () => {
    const issue = anIssue();
    const rendered = await renderIn(issue, { archiveUrl: `${BASE}/archive/x` });
    expect(rendered.variants).toBeUndefined();
    expect(personalise(rendered, sample, 'deezer').html).toContain(`href="${issue.tracks[0]!.url}"`);
  });

  it('changes the links version exactly when a target changes', () => {
    const issue = anIssue();
    const before = issueLinks(issue, new Map(), BASE);
    const same = issueLinks(issue, new Map(), BASE);
    const after = scenario(issue);
    expect(same.version).toBe(before.version);
    expect(after.version).not.toBe(before.version);
    // The same link keeps its id across renders: its clicks carry over.
    expect(after.links.find((l) => l.position === 3)?.id).toBe(
      before.links.find((l) => l.position === 3)?.id,
    );
  });

  it('stays under Gmail’s 102 KB clipping with every track on every platform', async () => {
    const issue = anIssue();
    const everywhere = issue.tracks.map((t) => [trackUrlKey(t.url), resolved(t.url, PLATFORMS)] as const);
    const links = issueLinks(issue, new Map(everywhere), BASE);
    const rendered = await renderIn(issue, {
      archiveUrl: `${BASE}/archive/x`,
      tracks: links.sets,
    });
    // A real unsubscribe token is ~150 characters; Gmail hides everything past 102 KB, the footer included.
    const long = {
      unsubscribeUrl: `${BASE}/u/${'x'.repeat(150)}`,
      preferencesUrl: `${BASE}/p/${'x'.repeat(150)}`,
    };
    for (const variant of LINK_VARIANTS) {
      expect(Buffer.byteLength(personalise(rendered, long, variant).html)).toBeLessThan(102 * 1024);
    }
  });
});
