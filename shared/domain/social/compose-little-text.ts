/**
 * LinkedIn's "little" text format for a post's `commentary`. Its reserved characters must be escaped with a
 * backslash, or LinkedIn silently cuts the post at the first one. A `#tag` written as such shows as plain text
 * once escaped, so tags become the format's hashtag template `{hashtag|\#|tag}`, which LinkedIn makes clickable.
 * A tag needs a letter: "#34" in a title is a number, not a hashtag.
 */
const RESERVED = /[\\|{}@[\]()<>#*_~]/g;
const HASHTAG = /(^|\s)#([\p{L}\p{M}\p{N}_]*\p{L}[\p{L}\p{M}\p{N}_]*)/gu;

const escapeReserved = (text: string): string => text.replace(RESERVED, (c) => `\\${c}`);

export const escapeLittleText = (text: string): string => {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(HASHTAG)) {
    const at = (match.index ?? 0) + (match[1] ?? '').length;
    const tag = match[2] ?? '';
    out += `${escapeReserved(text.slice(last, at))}{hashtag|\\#|${escapeReserved(tag)}}`;
    last = at + 1 + tag.length;
  }
  return out + escapeReserved(text.slice(last));
};
