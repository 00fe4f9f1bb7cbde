import { describe, expect, it } from 'vitest';
import { createFeedRenderer } from '../../emails/feed-renderer.ts';
import { createMjmlRenderer } from '../../emails/mjml-renderer.ts';
import { EmailRenderError } from '../../emails/email-render-error.ts';
import type { Issue, Language } from '../../shared/domain/issue.ts';
import { issueLinks } from '../../shared/domain/music/track-link-sets.ts';
import { type TrackResolution, trackUrlKey } from '../../shared/domain/music/track-resolution.ts';
import { LINK_VARIANTS, type LinkVariant, PLATFORMS } from '../../shared/domain/platforms.ts';
import { READER_LANGUAGES } from '../../shared/domain/reader-languages.ts';
import { emailIn, personalise } from '../../shared/domain/rendered-email.ts';
import { composeSocialPost } from '../../shared/domain/social/compose-post.ts';
import { DEFAULT_COMPOSE_RULES } from '../../shared/domain/social/compose-rules.ts';
import { socialPostSource } from '../../shared/domain/social/compose-source.ts';
import { SOCIAL_NETWORKS } from '../../shared/domain/social/networks.ts';
import { FORGERIES, forgedContent } from '../builders/forged-content.ts';
import { anIssue } from '../builders/issue.ts';
import { identity } from './renderer-fixture.ts';

const BASE = 'https://osms.example.org';
const reader = { unsubscribeUrl: `${BASE}/u/READER-U`, preferencesUrl: `${BASE}/preferences/READER-P` };
const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;
// Her braces reach the HTML as character references (MJML would read "{{" as a template tag): the same
// characters in every reader's mail client.
const inHtml = (text: string) => text.replaceAll('{', '&#123;').replaceAll('}', '&#125;');

const issue: Issue = anIssue(forgedContent());
// Every track on every platform: the variant slots are there too, each variant filled.
const resolutions = new Map(
  issue.tracks.map((track, i): [string, TrackResolution] => [
    trackUrlKey(track.url),
    {
      key: trackUrlKey(track.url),
      url: track.url,
      status: 'resolved',
      pageUrl: `https://song.link/d/${i}`,
      links: Object.fromEntries(PLATFORMS.map((p) => [p, `https://${p}.example/track/${i}`])),
      missing: [],
      resolvedAt: '2026-11-24T09:00:00.000Z',
    },
  ]),
);
const links = {
  archiveUrl: `${BASE}/archive/${issue.slug}`,
  tracks: issueLinks(issue, resolutions, BASE).sets,
};
const rendered = await createMjmlRenderer(identity).renderIssue(issue, links);

describe("an author's text that spells placeholders, nested or split, in every field", () => {
  it.each(
    READER_LANGUAGES.flatMap((language) =>
      LINK_VARIANTS.map((variant): [Language, LinkVariant] => [language, variant]),
    ),
  )("puts the reader's links in the footer only (%s, %s), once each", (language, variant) => {
    const mail = personalise(emailIn(rendered, language), reader, variant);
    for (const link of [reader.unsubscribeUrl, reader.preferencesUrl]) {
      expect(occurrences(mail.html, link)).toBe(1);
      expect(occurrences(mail.text, link)).toBe(1);
    }
    const words =
      language === 'fr' ? ['Se désabonner', 'Gérer mes préférences'] : ['Unsubscribe', 'Manage preferences'];
    // The footer's own anchors (its style is inlined by MJML), nowhere else.
    expect(mail.html).toMatch(
      new RegExp(`<a href="${reader.unsubscribeUrl}" target="_blank" style="[^"]*">${words[0]}</a>`),
    );
    expect(mail.html).toMatch(
      new RegExp(`<a href="${reader.preferencesUrl}" target="_blank" style="[^"]*">${words[1]}</a>`),
    );
    const separator = language === 'fr' ? '\u00a0: ' : ': ';
    expect(mail.text).toContain(`\n${words[0]}${separator}${reader.unsubscribeUrl}\n`);
    expect(mail.text).toContain(`\n${words[1]}${separator}${reader.preferencesUrl}\n`);
  });

  it('shows the author’s words as she wrote them: in the subject, the <title>, the <h1>, the text part', () => {
    const mail = personalise(emailIn(rendered, 'fr'), reader);
    expect(mail.subject).toBe(`Online Sunday Morning Sound #34 — ${issue.title}`);
    expect(mail.html).toContain(`<title>Online Sunday Morning Sound #34 — ${inHtml(issue.title)}</title>`);
    expect(mail.html).toContain(`>${inHtml(issue.title)}</h1>`);
    expect(mail.text).toContain(`\n${issue.title}\n`);
    expect(mail.text).toContain('%%DIMANCHE_UNSUBSCRIBE_URL%% et %%DIMANCHE_PREFERENCES_URL%%');
    expect(mail.text).toContain('Duo %%DIMANCHE_UNSUB – SCRIBE_URL%% fin');
    for (const forgery of FORGERIES.slice(0, 4)) expect(mail.text).toContain(forgery);
  });

  it('leaves the web page, the feeds and the social texts with the author’s words and no reader link', () => {
    const feeds = createFeedRenderer({
      seriesName: identity.seriesName,
      language: 'fr',
      timeZone: 'Europe/Paris',
      links: {
        archive: `${BASE}/archive`,
        rss: `${BASE}/feed.xml`,
        atom: `${BASE}/atom.xml`,
        issue: (slug) => `${BASE}/archive/${slug}`,
        permalink: (series) => `${BASE}/n/${series}`,
      },
    }).renderFeeds([issue]);
    const social = SOCIAL_NETWORKS.map(
      (network) =>
        composeSocialPost(
          network,
          socialPostSource(issue, { publicBaseUrl: BASE, seriesName: 'OSMS', hashtags: [], network }),
          DEFAULT_COMPOSE_RULES,
        ).text,
    );
    for (const shared of [rendered.webHtml, feeds.rss, feeds.atom, ...social]) {
      expect(shared).not.toMatch(/READER-|\/u\/|\/preferences\//);
    }
    expect(rendered.webHtml).toContain(`>${inHtml(issue.title)}</h1>`);
    expect(feeds.rss).toContain('%%DIMANCHE_UNSUBSCRIBE_URL%%');
    expect(social.join('\n')).toContain('%%DIMANCHE_UNSUBSCRIBE_URL%%');
  });

  it('fails the render, rather than send a link astray, if the text ever held this render’s own marker', async () => {
    const nonce = 'a1'.repeat(16);
    const guessed = anIssue({ title: `z${nonce}n0z` });
    const renderer = createMjmlRenderer({ ...identity, nonce: () => nonce });
    await expect(renderer.renderIssue(guessed, { archiveUrl: links.archiveUrl })).rejects.toBeInstanceOf(
      EmailRenderError,
    );
  });

  it('draws a fresh nonce for each email render', async () => {
    const drawn: string[] = [];
    const renderer = createMjmlRenderer({
      ...identity,
      nonce: () => {
        const nonce = String(drawn.length).padStart(32, '0');
        drawn.push(nonce);
        return nonce;
      },
    });
    await renderer.renderIssue(anIssue(), { archiveUrl: links.archiveUrl });
    expect(new Set(drawn).size).toBe(READER_LANGUAGES.length);
  });
});
