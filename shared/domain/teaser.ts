import { graphemeBoundaries, graphemeCount, wordEnds } from './social/compose-text.ts';

const ELLIPSIS = '…';

/** A teaser that stops after whole sentences is kept only if it says enough: at least this share of the room. */
const SENTENCES_MIN_SHARE = 0.2;

/** Collapses line breaks and runs of spaces, not the no-break spaces French puts inside « » and before ! ? ; */
export const oneLine = (text: string): string => text.replace(/[ \t\n\r\f\v\u2028\u2029]+/g, ' ').trim();

/**
 * At most `max` grapheme clusters of `text`, cut as an editor cuts a teaser: after whole sentences when they
 * fill enough of the room (they end the teaser as they are), else after the last whole word that fits, with
 * "…". Never inside a word nor a grapheme cluster (an emoji, a letter with its accent), never after a dangling
 * comma, dash or opening quote. Only a single word longer than the room is cut between clusters.
 */
export const teaser = (
  text: string,
  max: number,
  language: string,
  /** How the room is counted; a field limited in UTF-16 units (a form's maxlength) passes `(s) => s.length`. */
  count: (text: string) => number = graphemeCount,
): string => {
  const line = oneLine(text);
  if (count(line) <= max) return line;
  const sentences = wholeSentences(line, max, language, count);
  if (count(sentences) >= max * SENTENCES_MIN_SHARE) return sentences;
  const fits = (cut: number) => count(`${line.slice(0, cut)}${ELLIPSIS}`) <= max;
  const cut =
    lastFitting(wordEnds(line, language), fits) ?? lastFitting(graphemeBoundaries(line).slice(1), fits);
  return `${line.slice(0, cut ?? 0).replace(DANGLING, '')}${ELLIPSIS}`;
};

/** What may not end a teaser before its "…": spaces, a pause, a dash, an opening quote or bracket. */
const DANGLING = /[\s,;:\-–—«“‘([{]+$/u;

/** The last of the ascending cuts that fits: a longer prefix never counts less, so bisection finds it. */
const lastFitting = (cuts: readonly number[], fits: (cut: number) => boolean): number | undefined => {
  let [low, high, best] = [0, cuts.length - 1, undefined as number | undefined];
  while (low <= high) {
    const middle = (low + high) >> 1;
    const cut = cuts[middle] as number;
    if (fits(cut)) [best, low] = [cut, middle + 1];
    else high = middle - 1;
  }
  return best;
};

const wholeSentences = (
  line: string,
  max: number,
  language: string,
  count: (text: string) => number,
): string => {
  let kept = '';
  for (const { segment } of new Intl.Segmenter(language, { granularity: 'sentence' }).segment(line)) {
    if (count((kept + segment).trimEnd()) > max) break;
    kept += segment;
  }
  return kept.trimEnd();
};
