/** `app.bsky.embed.external#thumb` accepts image/* blobs of at most 1,000,000 bytes. */
export const MAX_THUMB_BYTES = 1_000_000;

export type Thumb = { bytes: Uint8Array; mimeType: string };

/**
 * The card's cover, downloaded for upload as a blob. Best effort: a thumb that is missing, slow, not an
 * image or too large is skipped, and the post goes out with a card without a picture.
 */
export const fetchThumb = async (
  url: string,
  { timeoutMs, fetch: fetchImpl = fetch }: { timeoutMs: number; fetch?: typeof fetch },
): Promise<Thumb | undefined> => {
  try {
    const response = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs) });
    const mimeType = response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (!response.ok || !response.body || !mimeType.startsWith('image/') || declared > MAX_THUMB_BYTES) {
      await response.body?.cancel();
      return undefined;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    // Counted as it streams: a server may send no Content-Length, or a wrong one.
    for await (const chunk of response.body) {
      size += chunk.byteLength;
      if (size > MAX_THUMB_BYTES) return undefined;
      chunks.push(chunk);
    }
    return { bytes: Buffer.concat(chunks), mimeType };
  } catch {
    return undefined;
  }
};
