import { graphemeBoundaries, wordEnds } from './compose-text.ts';
import { linkSpans } from './compose-links.ts';

export const ELLIPSIS = '…';

/**
 * The longest prefix of `text`, followed by "…", that `fits`; undefined when not even one word does.
 * The cut falls after a whole word (never inside a grapheme cluster, since UAX #29 word boundaries are
 * cluster boundaries too), or, for text with no word to cut after, between two grapheme clusters. It never
 * falls inside a link, nor right after one: "…" glued to an address would become part of it.
 */
export const shortenToFit = (
  text: string,
  fits: (candidate: string) => boolean,
  language: string,
): string | undefined => {
  if (fits(text)) return text;
  const cuts = cutPoints(text, language);
  const candidate = (cut: number) => `${text.slice(0, cut).trimEnd()}${ELLIPSIS}`;
  // A longer prefix counts at least as much on every network, so the longest that fits is found by bisection.
  // (An address in the text recognised only once complete can break that; the cut is then only earlier.)
  let low = 0;
  let high = cuts.length - 1;
  let best: string | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const shortened = candidate(cuts[middle] as number);
    if (fits(shortened)) {
      best = shortened;
      low = middle + 1;
    } else high = middle - 1;
  }
  return best;
};

const cutPoints = (text: string, language: string): number[] => {
  const clusters = new Set(graphemeBoundaries(text));
  const links = linkSpans(text);
  const allowed = (cut: number) =>
    text.slice(0, cut).trim() !== '' &&
    cut < text.length &&
    clusters.has(cut) &&
    !links.some((l) => cut > l.start && cut <= l.end);
  const words = wordEnds(text, language).filter(allowed);
  return words.length > 0 ? words : [...clusters].filter(allowed);
};
