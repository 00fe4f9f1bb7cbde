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
 * Only letters and digits, in one case and one Unicode form: an automatic excerpt and the story it was cut
 * from differ in spaces (a no-break space inside « » in one, a plain one in the other), quotes, dashes and
 * ellipses, never in words. Without spaces, a word cut in two ("dans le train dir") is still a prefix.
 */
const comparable = (text: string): string =>
  text
    .normalize('NFKC')
    .toLocaleLowerCase('und')
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** How far into the story (in letters and digits) the excerpt may start and still be its opening: a caption. */
const OPENING_SLACK = 200;

/**
 * True when the excerpt is the story's own opening words (WordPress's automatic excerpt: the first words plus
 * "[…]", possibly cut mid-word), so that as a lede above the story it would say them twice. A hand-written
 * excerpt is other words, and stays. An excerpt with no words at all says nothing either.
 */
export const repeatsStory = (excerpt: string, storyText: string): boolean => {
  const own = comparable(withoutTrailers(excerpt));
  if (own === '') return true;
  const story = comparable(storyText);
  const at = story.indexOf(own);
  return at !== -1 && at <= OPENING_SLACK;
};

/** The lede shown above the story (mail, page, social hook): the subtitle, unless it only repeats the story. */
export const ledeOf = (issue: Pick<IssueContent, 'subtitle' | 'storyHtml'>): string | undefined =>
  issue.subtitle !== undefined && !repeatsStory(issue.subtitle, htmlToText(issue.storyHtml))
    ? issue.subtitle
    : undefined;
