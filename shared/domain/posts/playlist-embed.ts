import type { Document, Element } from 'domhandler';
import { findAll, getAttributeValue, removeElement, textContent } from 'domutils';
import { type PlaylistLink, playlistLink } from '../playlist-link.ts';

const WRAPPERS = new Set(['figure', 'p', 'div']);

/**
 * The whole playlist, embedded (an iframe, or the bare URL the block editor turns into one) or linked on a
 * line of its own: lifted out of the story, since email clients block players; the mail shows a
 * "listen to the whole playlist" button and the web page a player instead. A link inside her sentence stays
 * where she put it, and still gives the button.
 */
export const takePlaylistEmbed = (document: Document): PlaylistLink | undefined => {
  let found: PlaylistLink | undefined;
  for (const frame of findAll((element) => element.name === 'iframe', document.children)) {
    const link = playlistLink(getAttributeValue(frame, 'src') ?? '');
    if (!link) continue;
    found ??= link;
    removeElement(standaloneWrapper(frame) ?? frame);
  }
  for (const wrapper of findAll(isEmbedWrapper, document.children)) {
    const link = playlistLink(textContent(wrapper));
    if (!link) continue;
    found ??= link;
    removeElement(wrapper);
  }
  for (const anchor of findAll((element) => element.name === 'a', document.children)) {
    const link = playlistLink(getAttributeValue(anchor, 'href') ?? '');
    if (!link) continue;
    found ??= link;
    const wrapper = standaloneWrapper(anchor);
    if (wrapper) removeElement(wrapper);
  }
  return found;
};

const isEmbedWrapper = (element: Element): boolean =>
  (getAttributeValue(element, 'class') ?? '').split(/\s+/).includes('wp-block-embed__wrapper');

/** The nearest figure, paragraph or div holding nothing but this element (the embed block's wrappers). */
const standaloneWrapper = (element: Element): Element | undefined => {
  const own = textContent(element).trim();
  let outer: Element | undefined;
  let parent = element.parent;
  while (parent && 'name' in parent && WRAPPERS.has(parent.name)) {
    if (textContent(parent).trim() !== own) break;
    outer = parent;
    parent = parent.parent;
  }
  if (outer) return outer;
  return element.name === 'a' ? undefined : element;
};
