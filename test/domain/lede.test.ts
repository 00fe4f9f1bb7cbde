import { describe, expect, it } from 'vitest';
import { ledeOf, repeatsStory, storyLine } from '../../shared/domain/lede.ts';
import { sanitiseStoryHtml } from '../../shared/domain/story-html.ts';

/** Stored stories are sanitised: that is the HTML `ledeOf` reads. */
const STORY = sanitiseStoryHtml(
  '<p>«\u00a0Le TGV N° 7345 en direction d’Avignon gare TGV entrera en gare voie E, veuillez vous éloigner du quai\u00a0». Samedi 13 juin 11h30 me voilà confortablement installée dans le train direction ma première semaine de vacances depuis 9 mois&nbsp;!</p><p>J’ai repris des études entre septembre et janvier, trois mois et demi de cours comme quand j’étais gamine.</p><p>9 mois… intenses.</p>',
);
const TEXT = storyLine(STORY);

describe('an excerpt that repeats the story', () => {
  it.each([
    [
      'WordPress’s automatic one, cut mid-word, with " […]"',
      '« Le TGV N° 7345 en direction d’Avignon gare TGV entrera en gare voie E, veuillez vous éloigner du quai ». Samedi 13 juin 11h30 me voilà confortablement installée dans le train dir […]',
    ],
    [
      'with "…" and a no-break space where the story has none',
      "«\u00a0Le TGV N° 7345 en direction d'Avignon gare TGV…",
    ],
    [
      'with "[...]" and a "Lire la suite" link’s words',
      'Le TGV N° 7345 en direction d’Avignon [...] Lire la suite de « Chambre en Provence » →',
    ],
    ['with the entity left undecoded', 'Le TGV N° 7345 en direction d’Avignon gare&hellip;'],
    ['with a "Continue reading" link', 'Le TGV N° 7345 en direction Continue reading'],
    [
      'the whole first paragraph, in other quotes and case',
      '"LE TGV N° 7345 EN DIRECTION D’AVIGNON GARE TGV ENTRERA EN GARE VOIE E, VEUILLEZ VOUS ÉLOIGNER DU QUAI".',
    ],
    ['nothing but the marker', ' […]'],
  ])('is not a lede: %s', (_, excerpt) => {
    expect(repeatsStory(excerpt, TEXT)).toBe(true);
    expect(ledeOf({ subtitle: excerpt, storyHtml: STORY })).toBeUndefined();
  });

  it.each([
    [
      'a hand-written excerpt',
      'Neuf mois intenses, une semaine dans le Gard et une playlist pour la Fête de la musique 😉',
    ],
    ['one that ends in "…" but says other words', 'Une semaine de vacances, enfin…'],
    ['a pull quote from far into the story', 'intenses'],
  ])('stays the lede: %s', (_, excerpt) => {
    expect(ledeOf({ subtitle: excerpt, storyHtml: STORY })).toBe(excerpt);
  });

  it('is not a lede when the story has a photo and its caption between the words WordPress kept', () => {
    const story = sanitiseStoryHtml(
      '<p>Samedi 13 juin, dans le train.</p><figure><img src="https://cdn.example/gare.jpg" alt=""><figcaption>La gare d’Avignon TGV, sous la pluie</figcaption></figure><p>Ma première semaine de vacances depuis neuf mois.</p>',
    );
    const automatic = 'Samedi 13 juin, dans le train. Ma première semaine de vac [&hellip;]';
    expect(ledeOf({ subtitle: automatic, storyHtml: story })).toBeUndefined();
  });

  it('stays the lede when it only shares common words with the opening', () => {
    const lede = 'Une semaine de vacances, de la musique et du train';
    expect(ledeOf({ subtitle: lede, storyHtml: STORY })).toBe(lede);
  });

  it('no subtitle, no lede', () => {
    expect(ledeOf({ storyHtml: STORY })).toBeUndefined();
  });
});
