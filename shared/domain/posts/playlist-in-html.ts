import render from 'dom-serializer';
import type { Document, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { findAll, getAttributeValue, removeElement, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import type { TrackInput } from './fields.ts';

export type SplitPlaylist = { storyHtml: string; tracks: TrackInput[] };

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * WordPress posts carry the playlist as the last ordered list, one "Artist – Title" link per item.
 * It is lifted out of the story so the email shows it once, as track cards; the heading right above it
 * ("La playlist") goes with it, or it would stand over nothing.
 */
export const takePlaylist = (document: Document): TrackInput[] | undefined => {
  const found = lastList(document, 'ol', 1) ?? lastList(document, 'ul', MIN_BULLETED);
  if (!found) return undefined;
  const { list: playlist, tracks } = found;
  const heading = previousElement(playlist);
  if (heading && HEADINGS.has(heading.name)) removeElement(heading);
  removeElement(playlist);
  return tracks;
};

export const splitPlaylistFromHtml = (html: string): SplitPlaylist | undefined => {
  const document = parseDocument(html, { decodeEntities: true });
  const tracks = takePlaylist(document);
  return tracks ? { storyHtml: render(document, { encodeEntities: 'utf8' }), tracks } : undefined;
};

// A bulleted list is taken for the playlist only when every item is a linked "Artist – Title": a few links
// in a bulleted list of her story are not a playlist.
const MIN_BULLETED = 3;

const lastList = (document: Document, name: 'ol' | 'ul', min: number) => {
  const list = findAll((node) => node.name === name, document.children).at(-1);
  if (!list) return undefined;
  const items = findAll((node) => node.name === 'li', list.children);
  const tracks = items.flatMap(toTrack);
  if (tracks.length < min || (name === 'ul' && tracks.length !== items.length)) return undefined;
  return { list, tracks };
};

const previousElement = (element: Element): Element | undefined => {
  let node = element.prev;
  while (node && isText(node) && node.data.trim() === '') node = node.prev;
  return node && isTag(node) ? node : undefined;
};

const SEPARATOR = /\s+[–—-]\s+/;

const toTrack = (item: Element): TrackInput[] => {
  const link = findAll((node) => node.name === 'a', item.children)[0];
  const url = link ? getAttributeValue(link, 'href') : undefined;
  const text = textContent(item).replace(/\s+/g, ' ').trim();
  const [artist, ...rest] = text.split(SEPARATOR);
  if (!url || !artist || rest.length === 0) return [];
  return [{ artist, title: rest.join(' – '), url }];
};
