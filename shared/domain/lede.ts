import type { IssueContent } from './issue.ts';
import { htmlToText } from './story-html.ts';
import { oneLine } from './teaser.ts';

const BLOCK_END = /<\/(?:p|h2|h3|h4|li|blockquote|figcaption)>|<br\s*\/?>/gi;

/** The story as one line of plain text, a space where a paragraph or a line ends: what teasers are cut from. */
export const storyLine = (storyHtml: string): string =>
  oneLine(htmlToText(storyHtml.replace(BLOCK_END, '$& ')));

/**
 * What WordPress and themes put at the end of an excerpt they cut: "[…]" (or its entity, or "[...]"), "…",
 * "...", and a "read more" link's words, maybe with the post's title after them.
 */
const TRAILERS = [
  /\[\s*(?:…|\.\.\.|&hellip;)\s*\]\s*$/iu,
  /(?:…|\.\.\.|&hellip;)\s*$/iu,
  /(?:lire la suite|continuer la lecture|read more|continue reading)[^.!?]{0,200}$/iu,
  /[\s→»›]+$/u,
];

const withoutTrailers = (excerpt: string): string => {
  let text = excerpt.trim();
  for (let changed = true; changed;) {
    const before = text;
    for (const trailer of TRAILERS) text = text.replace(trailer, '').trimEnd();
    changed = text !== before;
  }
  return text;
};

/**
 * The words of a text, letters and digits only, in one case and one Unicode form: an automatic excerpt and the
 * story it was cut from differ in spaces (a no-break space inside « » in one, a plain one in the other), quotes,
 * dashes and ellipses, never in words.
 */
const words = (text: string): string[] =>
  text
    .normalize('NFKC')
    .toLocaleLowerCase('und')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');

/**
 * How an excerpt may differ from the story's opening and still be cut from it. WordPress builds its automatic
 * excerpt without images, captions, embeds or shortcodes, which the story keeps: the excerpt's words then come
 * in a few runs, the story's extra words between them. A run is at least ANCHOR words (or the excerpt's end),
 * so that common words ("de la") found here and there never make a hand-written excerpt look cut.
 */
const ANCHOR = 3;
const MAX_RUNS = 4;
/** Words of the story before the excerpt's first (a heading, a caption) and between its runs, at most. */
const MAX_LEAD = 40;
const MAX_SKIPPED = 80;

/**
 * True when the excerpt is the story's own opening words (WordPress's automatic excerpt: the first words plus
 * "[…]", possibly cut mid-word), so that as a lede above the story it would say them twice. A hand-written
 * excerpt is other words, and stays. An excerpt with no words at all says nothing either.
 */
export const repeatsStory = (excerpt: string, storyText: string): boolean => {
  const own = words(withoutTrailers(excerpt));
  if (own.length === 0) return true;
  const story = words(storyText).slice(0, own.length + MAX_LEAD + MAX_SKIPPED);
  // The excerpt's last word may be cut ("dir" of "direction"): a prefix of the story's word will do.
  const same = (i: number, k: number) => {
    const mine = own[i] as string;
    const theirs = story[k];
    return theirs === mine || (i === own.length - 1 && theirs !== undefined && theirs.startsWith(mine));
  };
  const run = (i: number, k: number) => {
    let length = 0;
    while (i + length < own.length && same(i + length, k + length)) length += 1;
    return length;
  };
  let [i, j, runs, skipped] = [0, 0, 0, 0];
  while (i < own.length) {
    const needed = Math.min(ANCHOR, own.length - i);
    let k = j;
    while (k < story.length && run(i, k) < needed) k += 1;
    if (k >= story.length) return false;
    if (runs === 0 ? k > MAX_LEAD : (skipped += k - j) > MAX_SKIPPED) return false;
    const length = run(i, k);
    [i, j, runs] = [i + length, k + length, runs + 1];
    if (runs > MAX_RUNS) return false;
  }
  return true;
};

const ESCAPES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

/**
 * The opening words of a story already sanitised (`sanitiseStoryHtml`: plain tags, text escaped with these
 * four entities only), without running the sanitiser again: the archive's list asks once an issue, and only
 * letters and digits are compared. The slice holds the excerpt's words and the extra ones allowed above.
 */
const openingText = (storyHtml: string, excerpt: string): string =>
  storyHtml
    .slice(0, 3000 + 4 * excerpt.length)
    .replace(/<[^>]*>?/g, ' ')
    .replace(/&(?:amp|lt|gt|quot);/g, (entity) => ESCAPES[entity] ?? entity);

/** The lede shown above the story (mail, page, social hook): the subtitle, unless it only repeats the story. */
export const ledeOf = (issue: Pick<IssueContent, 'subtitle' | 'storyHtml'>): string | undefined =>
  issue.subtitle !== undefined && !repeatsStory(issue.subtitle, openingText(issue.storyHtml, issue.subtitle))
    ? issue.subtitle
    : undefined;
