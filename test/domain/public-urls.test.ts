import { describe, expect, it } from 'vitest';
import {
  archiveFeedUrls,
  archiveUrl,
  clickUrl,
  issueLinks,
  publicUrls,
  samplePersonalisation,
  studioLinks,
} from '../../shared/domain/public-urls.ts';

const BASE = 'https://dimanche.example';

describe('every public address, from the base URL', () => {
  const urls = publicUrls(BASE);

  it('names the archive, its pages, an issue by slug and by number, and its feeds', () => {
    expect(urls.archive).toBe(`${BASE}/archive`);
    expect(urls.archivePage('2026-11-29_34')).toBe(`${BASE}/archive?cursor=2026-11-29_34`);
    expect(urls.issue('sunday-morning-sound-34')).toBe(`${BASE}/archive/sunday-morning-sound-34`);
    expect(urls.permalink(34)).toBe(`${BASE}/archive/34`);
    expect([urls.rss, urls.atom]).toEqual([`${BASE}/archive/feed.xml`, `${BASE}/archive/atom.xml`]);
  });

  it('encodes what a reader could not type: a slug, a cursor, a confirmation token', () => {
    expect(urls.issue('été / 34')).toBe(`${BASE}/archive/%C3%A9t%C3%A9%20%2F%2034`);
    expect(urls.archivePage('a&b')).toBe(`${BASE}/archive?cursor=a%26b`);
    expect(urls.confirm('a.b/c')).toBe(`${BASE}/confirm/a.b%2Fc`);
  });

  it('names the token pages, the click redirect, the sign-up form and the studio', () => {
    expect(urls.subscribe).toBe(`${BASE}/subscribe`);
    expect(urls.unsubscribe('tok')).toBe(`${BASE}/u/tok`);
    expect(urls.preferences('tok')).toBe(`${BASE}/preferences/tok`);
    expect(urls.dataLink('secret')).toBe(`${BASE}/data/secret`);
    expect(urls.click('abc')).toBe(`${BASE}/r/abc`);
    expect(urls.studio).toBe(`${BASE}/studio`);
    expect(urls.studioSignIn('tok')).toBe(`${BASE}/studio/sign-in/tok`);
    expect(urls.preview('iss_34')).toBe(`${BASE}/admin/issues/iss_34/preview`);
  });

  it('gives the same addresses through the helpers older callers import', () => {
    expect(archiveUrl(BASE, 'x')).toBe(urls.issue('x'));
    expect(clickUrl(BASE, 'abc')).toBe(urls.click('abc'));
    expect(archiveFeedUrls(urls.archive)).toEqual({ rss: urls.rss, atom: urls.atom });
    expect(issueLinks(BASE, { id: 'iss_34', slug: 'x' })).toEqual({
      preview: urls.preview('iss_34'),
      archive: urls.issue('x'),
    });
    expect(samplePersonalisation(BASE)).toEqual({
      unsubscribeUrl: `${BASE}/u/preview-sample-token`,
      preferencesUrl: `${BASE}/preferences/preview-sample-token`,
    });
  });

  it('links the author mails to the studio, with or without a trailing slash on the base', () => {
    for (const base of [BASE, `${BASE}/`]) {
      const studio = studioLinks(base);
      expect(studio.home).toBe(`${BASE}/studio`);
      expect(studio.issue(34)).toBe(`${BASE}/studio/issues/34`);
      expect(studio.campaign(34)).toBe(`${BASE}/studio/campaigns/34`);
      expect(studio.settings).toBe(`${BASE}/studio/settings`);
    }
  });
});
