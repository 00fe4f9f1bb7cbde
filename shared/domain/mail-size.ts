/**
 * Gmail shows "[Message clipped]" and hides the rest (the unsubscribe link with it) once a message's HTML is
 * over about 102 KB. The author is warned in the preview from 90 % of it, while there is room to cut.
 */
export const GMAIL_CLIP_BYTES = 102 * 1024;
export const CLIP_WARNING_BYTES = Math.floor(GMAIL_CLIP_BYTES * 0.9);

const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

/** One banner line when the HTML is near or over the clip, else nothing. */
export const clipWarning = (html: string): string | undefined => {
  const bytes = new TextEncoder().encode(html).byteLength;
  if (bytes < CLIP_WARNING_BYTES) return undefined;
  return bytes >= GMAIL_CLIP_BYTES
    ? `This mail is ${kb(bytes)}: Gmail clips it after ${kb(GMAIL_CLIP_BYTES)} and hides the rest, unsubscribe link included. Shorten the story or the playlist.`
    : `This mail is ${kb(bytes)}, close to the ${kb(GMAIL_CLIP_BYTES)} after which Gmail clips it and hides the rest. Keep it from growing.`;
};
