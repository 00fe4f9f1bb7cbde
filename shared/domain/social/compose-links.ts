import type { LinkFacet } from './social-post.ts';

/** A link in a post's text: UTF-16 offsets (end exclusive) and the address it points at. */
export type LinkSpan = { start: number; end: number; uri: string };

// The rule of Bluesky's own client (@atproto/api RichText): an http(s) address starts after a space, a
// parenthesis or the start, runs to the next space, and loses one trailing sentence mark and an unopened
// closing parenthesis. Bare domains ("example.org") are left alone: they would need a list of TLDs.
const LINK = /(^|\s|\()(https?:\/\/\S+)/giu;

export const linkSpans = (text: string): LinkSpan[] =>
  Array.from(text.matchAll(LINK), (match) => {
    const start = (match.index ?? 0) + (match[1] ?? '').length;
    let uri = match[2] ?? '';
    if (/[.,;:!?]$/.test(uri)) uri = uri.slice(0, -1);
    if (uri.endsWith(')') && !uri.includes('(')) uri = uri.slice(0, -1);
    return { start, end: start + uri.length, uri };
  });

const encoder = new TextEncoder();

/** Bluesky links are clickable only as facets, whose offsets count UTF-8 bytes of the text, not characters. */
export const linkFacets = (text: string): LinkFacet[] =>
  linkSpans(text).map((span) => ({
    byteStart: encoder.encode(text.slice(0, span.start)).length,
    byteEnd: encoder.encode(text.slice(0, span.end)).length,
    uri: span.uri,
  }));
