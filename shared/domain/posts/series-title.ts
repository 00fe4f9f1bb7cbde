import type { AnyNode, Document, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { findAll, removeElement, textContent } from 'domutils';

/**
 * Runs of three or more of the same ornament (`°°°`, `***`, `~~~`, `•••`, `===`…) frame a blog title but
 * mean nothing in a subject line, a slug or a post on a social network.
 */
const DECORATIVE_RUN = /([°*~•·=_+#^¤§✿❀★☆♪♫♥❤-])\1{2,}/gu;

export const withoutDecorations = (title: string): string =>
  title.replace(DECORATIVE_RUN, ' ').replace(/\s+/g, ' ').trim();

/** "Sunday Morning Sound #34 — Chambre en Provence" → "Chambre en Provence"; nothing after the number: undefined. */
export const titleAfterSeries = (title: string): string | undefined => {
  const match = /#\s?\d+\s*(?:[—–:|-]\s*)?(.*)$/u.exec(title);
  if (!match) return title || undefined;
  const rest = (match[1] ?? '').replace(/^[\p{P}\p{S}\s]+/u, '').trim();
  return rest || undefined;
};

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const EMPHASIS = new Set(['strong', 'b', 'em', 'i', 'u', 'span']);
const MAX_HEADLINE = 120;

/**
 * The post's opening headline: its first block when that is a heading, or a short paragraph that is all bold
 * or italic (how a title is typed in the classic editor). Taken out of the document: it becomes the issue's
 * title and must not be printed twice.
 */
export const takeOpeningHeadline = (document: Document): string | undefined => {
  const first = firstBlock(document.children);
  if (!first) return undefined;
  const text = textContent(first).replace(/\s+/g, ' ').trim();
  if (text === '' || text.length > MAX_HEADLINE) return undefined;
  if (!HEADINGS.has(first.name) && !(first.name === 'p' && (isAllEmphasis(first) || isTitleLine(text)))) {
    return undefined;
  }
  removeElement(first);
  return withoutDecorations(text) || undefined;
};

/** A line typed as a title in a plain paragraph: a few words, no sentence's end. */
const isTitleLine = (text: string): boolean =>
  text.length <= 80 && text.split(' ').length <= 10 && !/[.!?:;,…»)]$/u.test(text);

const isPicture = (node: Element): boolean =>
  textContent(node).trim() === '' &&
  (node.name === 'img' || findAll((n) => n.name === 'img', node.children).length > 0);

const firstBlock = (nodes: readonly AnyNode[]): Element | undefined => {
  for (const node of nodes) {
    if (isText(node) && node.data.trim() === '') continue;
    if (!isTag(node)) return undefined;
    // A picture above the headline stays where it is; the headline is the first words.
    if (isPicture(node)) continue;
    // Block editor wrappers (groups, columns) hold the first real block.
    if (node.name === 'div' || node.name === 'section') return firstBlock(node.children);
    return node;
  }
  return undefined;
};

const isAllEmphasis = (paragraph: Element): boolean => {
  const meaningful = paragraph.children.filter((node) => !(isText(node) && node.data.trim() === ''));
  return (
    meaningful.length > 0 &&
    meaningful.every((node) => isTag(node) && (EMPHASIS.has(node.name) || node.name === 'br'))
  );
};
