import { describe, expect, it } from 'vitest';
import { sanitiseStoryHtml } from '../../shared/domain/story-html.ts';
import { activeContentIn, XSS_CORPUS, XSS_MARKERS } from '../support/xss-corpus.ts';

describe('the story sanitiser', () => {
  it.each(XSS_CORPUS)('leaves nothing active of %s', (attack) => {
    const clean = sanitiseStoryHtml(`<p>Avant</p>${attack}<p>Après</p>`);
    for (const marker of XSS_MARKERS) expect(clean).not.toMatch(marker);
    expect(activeContentIn(clean)).toEqual([]);
    // An unclosed code element may swallow what follows it: losing text is safe, running it is not.
    expect(clean).toContain('<p>Avant</p>');
  });

  it('keeps French prose byte for byte: guillemets, curly apostrophes, emoji, non-breaking spaces', () => {
    const prose = '<p>« Le TGV N° 7345 en direction d’Avignon » — une autre aventure commence 😉\u00a0!</p>';
    expect(sanitiseStoryHtml(prose)).toBe(prose);
  });

  it('keeps https and mailto links and https images, and opens links safely', () => {
    const html =
      '<p><a href="https://hellocoton.example/x?a=1&amp;b=2">lien</a> <a href="mailto:k@example.org">écrire</a></p><img src="https://img.example/a.jpg" alt="lavande">';
    const clean = sanitiseStoryHtml(html);
    expect(clean).toContain('href="https://hellocoton.example/x?a=1&amp;b=2"');
    expect(clean).toContain('href="mailto:k@example.org"');
    expect(clean).toContain('rel="noopener"');
    expect(clean).toContain('<img src="https://img.example/a.jpg" alt="lavande" />');
  });

  it('drops the content of script and style elements, not just the tags', () => {
    expect(sanitiseStoryHtml('<p>a</p><script>var secret = 1;</script><style>.x{}</style>')).toBe('<p>a</p>');
  });
});

describe('relative and scheme-less URLs in the story', () => {
  it('lose their link or image: in an email they lead nowhere', () => {
    expect(
      sanitiseStoryHtml(
        '<p><a href="/2026/11/autre-post">lien</a><img src="x"><img src="//cdn.example/a.jpg"></p>',
      ),
    ).toBe('<p><a>lien</a></p>');
  });
});

describe('old personalisation tokens typed into the story', () => {
  // Slots are positions recorded at render time: text spells nothing active (test/emails/forged-slots.test.ts).
  it('are kept as the author wrote them, like any other words', () => {
    expect(
      sanitiseStoryHtml('<p>Voici %%DIMANCHE_UNSUBSCRIBE_URL%% et %%DIMANCHE_PREFERENCES_URL%%.</p>'),
    ).toBe('<p>Voici %%DIMANCHE_UNSUBSCRIBE_URL%% et %%DIMANCHE_PREFERENCES_URL%%.</p>');
  });
});
