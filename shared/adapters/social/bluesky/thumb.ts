import type { OutboundFetch } from '../../../ports/outbound-fetch.ts';

/** `app.bsky.embed.external#thumb` accepts image/* blobs of at most 1,000,000 bytes. */
export const MAX_THUMB_BYTES = 1_000_000;

export type Thumb = { bytes: Uint8Array; mimeType: string };

/**
 * The card's cover, downloaded through the guarded client for upload as a blob. Best effort: a thumb that is
 * missing, slow, not an image, too large or on an address that is not public is skipped, and the post goes
 * out with a card without a picture.
 */
export const fetchThumb = async (
  url: string,
  { timeoutMs, outbound }: { timeoutMs: number; outbound: OutboundFetch },
): Promise<Thumb | undefined> => {
  const answer = await outbound(url, {
    timeoutMs,
    maxBytes: MAX_THUMB_BYTES,
    headers: { accept: 'image/*' },
  });
  if (answer.kind !== 'answer') return undefined;
  const mimeType = answer.header('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (answer.status < 200 || answer.status >= 300 || !mimeType.startsWith('image/')) {
    await answer.discard();
    return undefined;
  }
  const body = await answer.body();
  return body.kind === 'body' ? { bytes: body.bytes, mimeType } : undefined;
};
