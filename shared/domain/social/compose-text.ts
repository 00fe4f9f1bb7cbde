/**
 * Unicode text units for the composer. UTF-16 `.length` is neither what a reader sees nor what any network
 * counts: a flag, a skin-toned or ZWJ emoji and an accent written as a combining mark are one grapheme cluster
 * (UAX #29) each, and must never be split.
 */
// Made on first use, not at import: ICU's segmenter costs ~7 ms to build, and the public function's cold start
// (which imports the composer for the webhook's answer) should not pay it before its first request.
let graphemeSegmenter: Intl.Segmenter | undefined;
const segmentGraphemes = (text: string) =>
  (graphemeSegmenter ??= new Intl.Segmenter('und', { granularity: 'grapheme' })).segment(text);
const encoder = new TextEncoder();

export const graphemes = (text: string): string[] => Array.from(segmentGraphemes(text), (s) => s.segment);

export const graphemeCount = (text: string): number => {
  let count = 0;
  for (const _ of segmentGraphemes(text)) count += 1;
  return count;
};

export const utf8Length = (text: string): number => encoder.encode(text).length;

/** UTF-16 offsets where a grapheme cluster starts (0 included) or the text ends. */
export const graphemeBoundaries = (text: string): number[] => [
  ...Array.from(segmentGraphemes(text), (s) => s.index),
  text.length,
];

/**
 * UTF-16 offsets right after a word (a word-like segment of UAX #29 word boundaries): cutting there keeps
 * whole words, "l’amour" and "Week-end"'s halves included as the segmenter sees them.
 */
export const wordEnds = (text: string, language: string): number[] => {
  const ends: number[] = [];
  for (const s of wordSegmenter(language).segment(text))
    if (s.isWordLike) ends.push(s.index + s.segment.length);
  return ends;
};

const wordSegmenters = new Map<string, Intl.Segmenter>();
const wordSegmenter = (language: string): Intl.Segmenter => {
  let segmenter = wordSegmenters.get(language);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(language, { granularity: 'word' });
    wordSegmenters.set(language, segmenter);
  }
  return segmenter;
};
