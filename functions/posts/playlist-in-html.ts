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
  const lists = findAll((node) => node.name === 'ol', document.children);
  const playlist = lists.at(-1);
  if (!playlist) return undefined;
  const tracks = findAll((node) => node.name === 'li', playlist.children).flatMap(toTrack);
  if (tracks.length === 0) return undefined;
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
