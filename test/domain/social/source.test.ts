import { describe, expect, it } from 'vitest';
import { socialPostSource, storyHook } from '../../../shared/domain/social/compose-source.ts';
import { anIssue } from '../../builders/issue.ts';

const options = {
  publicBaseUrl: 'https://newsletter.example.org',
  seriesName: 'Online Sunday Morning Sound',
  hashtags: ['playlist', 'musique'],
  network: 'bluesky' as const,
};

describe('what a post says about an issue', () => {
  it('is the title line, the subtitle as hook, the archive address and a card with the cover', () => {
    const issue = anIssue();
    expect(socialPostSource(issue, options)).toEqual({
      series: 34,
      title: 'Online Sunday Morning Sound #34 — Chambre en Provence',
      hook: 'Neuf mois intenses, une semaine dans le Gard et une playlist pour la Fête de la musique 😉',
      url: 'https://newsletter.example.org/archive/34-chambre-en-provence',
      hashtags: ['playlist', 'musique'],
      language: 'fr',
      card: {
        url: 'https://newsletter.example.org/archive/34-chambre-en-provence',
        title: 'Online Sunday Morning Sound #34 — Chambre en Provence',
        description:
          'Neuf mois intenses, une semaine dans le Gard et une playlist pour la Fête de la musique 😉',
        thumbUrl: 'https://images.example.org/oss-34/lavande.jpg',
      },
    });
  });

  it("takes the author's text for that network only", () => {
    const issue = anIssue({ socialText: { bluesky: 'Mon texte 🦋', x: 'Autre' } });
    expect(socialPostSource(issue, options).override).toBe('Mon texte 🦋');
    expect(socialPostSource(issue, { ...options, network: 'mastodon' })).not.toHaveProperty('override');
  });

  it("falls back on the story's first sentences, plain, no-break spaces kept, with no cover no thumbnail", () => {
    const { subtitle: _s, cover: _c, ...rest } = anIssue();
    const source = socialPostSource(rest, options);
    expect(source.hook).toBe(
      '«\u00a0Le TGV N° 7345 en direction d’Avignon gare TGV entrera en gare voie E, veuillez vous éloigner du quai\u00a0».',
    );
    expect(source.card).not.toHaveProperty('thumbUrl');
  });
});

describe("the story's hook", () => {
  it('keeps whole sentences up to about 200 characters, across paragraphs and without markup', () => {
    const html =
      '<p>Première phrase, <em>courte</em>.</p><p>Deuxième&nbsp;! Troisième ?</p><p>' +
      'Longue '.repeat(40) +
      '.</p>';
    expect(storyHook(html, 'fr')).toBe('Première phrase, courte. Deuxième\u00a0! Troisième ?');
  });

  it('cuts a longer first sentence after a whole word, with an ellipsis', () => {
    const sentence = `${'Très '.repeat(60)}long.`;
    const hook = storyHook(`<p>${sentence} Suite.</p>`, 'fr');
    expect(hook).toMatch(/^(Très )+Très…$/);
    expect([...hook].length).toBeLessThanOrEqual(200);
    expect([...hook].length).toBeGreaterThan(190);
  });
});
