import type { AnyNode, Document, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { removeElement } from 'domutils';

const RANK: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

const meaningful = (nodes: readonly AnyNode[]): AnyNode[] =>
  nodes.filter((node) => !(isText(node) && node.data.trim() === '') && (isTag(node) || isText(node)));

/**
 * A heading with nothing under it (at the end of the post, or right before a heading of the same or a higher
 * rank) is what is left of a section whose content was lifted out: the playlist, a widget.
 */
export const removeEmptyHeadings = (document: Document): void => {
  let changed = true;
  while (changed) {
    changed = false;
    const nodes = meaningful(document.children);
    for (const [index, node] of nodes.entries()) {
      if (!isTag(node) || RANK[node.name] === undefined) continue;
      const next = nodes[index + 1];
      if (next === undefined || closesSection(node, next)) {
        removeElement(node);
        changed = true;
        break;
      }
    }
  }
};

const closesSection = (heading: Element, next: AnyNode): boolean => {
  const nextRank = isTag(next) ? RANK[next.name] : undefined;
  return nextRank !== undefined && nextRank <= (RANK[heading.name] ?? 6);
};
