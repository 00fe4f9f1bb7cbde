/**
 * Gmail shows "[Message clipped]" and hides the rest (the unsubscribe link with it) once a message's HTML is
 * over about 102 KB. The author is warned in the preview from 90 % of it, while there is room to cut.
 */
export const GMAIL_CLIP_BYTES = 102 * 1024;
export const CLIP_WARNING_BYTES = Math.floor(GMAIL_CLIP_BYTES * 0.9);

/** A mail near or over Gmail's clip: its size and the limit in KB, and whether Gmail already clips it. */
export type MailSize = { kilobytes: number; limitKilobytes: number; clipped: boolean };

const kb = (bytes: number) => Math.round(bytes / 1024);

/** The mail's size when it is near or over the clip, else nothing: the words are the author's language's. */
export const mailSizeWarning = (html: string): MailSize | undefined => {
  const bytes = new TextEncoder().encode(html).byteLength;
  if (bytes < CLIP_WARNING_BYTES) return undefined;
  return { kilobytes: kb(bytes), limitKilobytes: kb(GMAIL_CLIP_BYTES), clipped: bytes >= GMAIL_CLIP_BYTES };
};
