import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oneLine, teaser } from '../../shared/domain/teaser.ts';
import { frenchText, oneLongWord } from './social/arbitraries.ts';
import { graphemesOf, wordEndsOf } from './social/oracles.ts';

const SEED =
  '«\u00a0Le TGV N° 7345 en direction d’Avignon gare TGV entrera en gare voie E, veuillez vous éloigner du quai\u00a0». Samedi 13 juin 11h30 me voilà confortablement installée dans le train direction ma première semaine de vacances depuis 9 mois\u00a0! 9 mois… intenses 😉🇫🇷, inquiétants.';

/** A sentence end in the line: after the segmenter's sentence, before the next one's first character. */
const sentenceEnds = (line: string) =>
  [...new Intl.Segmenter('fr', { granularity: 'sentence' }).segment(line)].map(
    (s) => s.index + s.segment.trimEnd().length,
  );

describe('a teaser', () => {
  it('is the text itself, on one line, when it fits', () => {
    expect(teaser('Un  dimanche\n\nà Avignon.', 160, 'fr')).toBe('Un dimanche à Avignon.');
  });

  it('stops after whole sentences when they fill enough of the room', () => {
    expect(teaser(SEED, 160, 'fr')).toBe(
      '«\u00a0Le TGV N° 7345 en direction d’Avignon gare TGV entrera en gare voie E, veuillez vous éloigner du quai\u00a0».',
    );
  });

  it('cuts a long sentence after a whole word, with "…", leaving no comma or opening quote before it', () => {
    expect(teaser(SEED, 80, 'fr')).toBe(
      '«\u00a0Le TGV N° 7345 en direction d’Avignon gare TGV entrera en gare voie E…',
    );
    expect(teaser('Une playlist, « la nuit » et le train', 16, 'fr')).toBe('Une playlist…');
  });

  it('never splits an emoji or a letter with its combining accent', () => {
    expect(teaser('👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦', 3, 'fr')).toBe('👩‍👩‍👧‍👦👩‍👩‍👧‍👦…');
    expect(teaser('e\u0301te\u0301 e\u0301te\u0301', 4, 'fr')).toBe('e\u0301te\u0301…');
  });

  it('counts in UTF-16 units when asked, for a field limited that way', () => {
    const cut = teaser('😉 '.repeat(200), 300, 'fr', (s) => s.length);
    expect(cut.length).toBeLessThanOrEqual(300);
    expect(cut.endsWith('😉…')).toBe(true);
  });

  it('fits its room and ends on a sentence, a whole word, or (one word only) a cluster: never mid-word', () => {
    fc.assert(
      fc.property(fc.oneof(frenchText(80), oneLongWord), fc.integer({ min: 2, max: 300 }), (text, max) => {
        const line = oneLine(text);
        const cut = teaser(text, max, 'fr');
        expect(graphemesOf(cut).length).toBeLessThanOrEqual(max);
        if (cut === line) return;
        if (!cut.endsWith('…')) {
          expect(sentenceEnds(line)).toContain(cut.length);
          return;
        }
        const kept = cut.slice(0, -1);
        expect(line.startsWith(kept)).toBe(true);
        // UAX #29 counts a narrow no-break space ("vacances\u202f!") into the word before it; the teaser drops it.
        const afterWord = (end: number) => end >= kept.length && /^\s*$/u.test(line.slice(kept.length, end));
        const words = wordEndsOf(line, 'fr');
        if (words.some((end) => end <= kept.length)) expect(words.some(afterWord)).toBe(true);
        else expect(graphemesOf(line.slice(0, kept.length)).join('')).toBe(kept);
      }),
      { numRuns: 300 },
    );
  });
});
